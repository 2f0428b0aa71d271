package org.gatehouse.it.flow;

import jakarta.json.JsonObject;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed input on every endpoint (issue 9, "Bad input"): a table of request shapes, sent over
 * raw sockets (so that shapes the JDK's HTTP client refuses to send are sent as they are), must
 * each get an answer below 500 (501 for an unknown method is HTTP's own), with nothing internal in
 * any body or header (no stack trace, no Java class name, no product name), OAuth JSON errors where
 * the endpoint speaks OAuth, a challenge with every 401, and a server that is ready afterwards.
 * Request shapes that used to hold a worker thread (an {@code Upgrade} with a body, a half-sent
 * body, half-sent headers) are answered or closed within seconds while normal requests go on
 * being answered (README, "Threads and timeouts").
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MalformedInputIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Every kind of endpoint: protocol (JSON), discovery, API, Faces pages, servlets. */
    private static final List<String> ENDPOINTS = List.of("/oauth2/authorize", "/oauth2/token", "/oauth2/revoke",
            "/oauth2/introspect", "/oauth2/jwks", "/token", "/.well-known/oauth-authorization-server", "/api/me",
            "/api/notes", "/api/notes/1", "/login", "/consent", "/admin/", "/admin/clients", "/playground/",
            "/playground/callback", "/error-page", "/", "/health/ready");

    /** The back-channel endpoints, which answer every error as OAuth JSON (RFC 6749 §5.2, RFC 7009, RFC 7662). */
    private static final Set<String> OAUTH_JSON = Set.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect", "/token");

    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE", "PROPFIND", "FOO");

    private static final List<String> QUERIES = List.of("?%zz", "?a=%", "?client_id=%00", "?%ff%fe=%c3",
            "?response_type=code&client_id=it-public&redirect_uri=%ff", "?next=%zz", "?a=" + "b".repeat(6000));

    /** A stack frame, a Java exception class name, or the name of a product underneath. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\bat (?:[a-z0-9_]+\\.)+[A-Za-z0-9_$]+\\.[A-Za-z0-9_$<>]+\\("
                    + "|\\b(?:java|javax|jakarta|org|com|sun)\\.(?:[a-z0-9_]+\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Throwable)\\b"
                    + "|(?i:\\b(?:jersey|payara|glassfish|grizzly|mojarra|hibernate|tyrus|weld)\\b)");

    /** What RFC 6749 §5.2 allows in error_description: %x20-21 / %x23-5B / %x5D-7E. */
    private static final Pattern DESCRIPTION = Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*");

    private record Shape(String name, List<String> headers, byte[] body) {
    }

    private static List<Shape> shapes() {
        String marker = "ZQXmarker";
        return List.of(
                new Shape("charset=nope", List.of("Content-Type: " + FORM + "; charset=nope"), ascii("grant_type=x")),
                new Shape("charset=utf-16", List.of("Content-Type: " + FORM + "; charset=utf-16"),
                        "grant_type=x&client_id=y".getBytes(StandardCharsets.UTF_16)),
                new Shape("gzip body", List.of("Content-Type: " + FORM, "Content-Encoding: gzip"), gzip("grant_type=x")),
                new Shape("keys only", List.of("Content-Type: " + FORM), ascii("grant_type&client_id&code&" + marker)),
                new Shape("JSON posted as a form", List.of("Content-Type: " + FORM), ascii("{\"grant_type\":\"authorization_code\"}")),
                new Shape("broken JSON", List.of("Content-Type: application/json"), ascii("{\"a\":")),
                new Shape("multipart", List.of("Content-Type: multipart/form-data; boundary=xx"),
                        ascii("--xx\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nx\r\n--xx--\r\n")),
                new Shape("multipart without boundary", List.of("Content-Type: multipart/form-data"), ascii("abc")),
                new Shape("invalid percent-encoding", List.of("Content-Type: " + FORM), ascii("grant_type=%zz&client_id=%&%" + marker)),
                new Shape("NUL bytes", List.of("Content-Type: " + FORM), ascii("grant_type=a%00b&client_id=\0" + marker)),
                new Shape("invalid UTF-8", List.of("Content-Type: " + FORM),
                        concat(ascii("grant_type=x&client_id="), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3})),
                new Shape("repeated parameter", List.of("Content-Type: " + FORM), ascii(marker + "=1&" + marker + "=2&grant_type=x&grant_type=y")),
                new Shape("garbage Content-Type", List.of("Content-Type: %%%/;;;"), ascii("a=b")),
                new Shape("garbage Accept", List.of("Content-Type: " + FORM, "Accept: text/html;q=abc, */*;q="), ascii("a=b")),
                new Shape("garbage Accept-Language and Cookie", List.of("Accept-Language: en;q=abc, *;q=",
                        "Cookie: JSESSIONID=%zz; $Version=1; a"), new byte[0]),
                new Shape("bad If-Modified-Since", List.of("If-Modified-Since: garbage", "If-Unmodified-Since: 99 Foo"), new byte[0]),
                new Shape("1 MB body", List.of("Content-Type: " + FORM), ascii("grant_type=" + "a".repeat(1_000_000))),
                new Shape("huge header", List.of("X-Big: " + "a".repeat(20_000)), new byte[0]),
                new Shape("bad Basic credentials", List.of("Authorization: Basic %%%"), new byte[0]),
                new Shape("Basic credentials of invalid UTF-8", List.of("Authorization: Basic /w6D"), new byte[0]),
                new Shape("long Bearer token", List.of("Authorization: Bearer " + "x".repeat(5000)), new byte[0]),
                new Shape("Faces partial request, stale view state", List.of("Content-Type: " + FORM, "Faces-Request: partial/ajax"),
                        ascii("jakarta.faces.ViewState=stale&jakarta.faces.partial.ajax=true&jakarta.faces.source=x"
                                + "&jakarta.faces.partial.execute=%40all")),
                new Shape("no body, no type", List.of(), null));
    }

    /** What came back; {@code millis} until the answer's first byte, or until the close if there was none. */
    private record Answer(int status, String head, String body, long millis) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    @AfterEach
    void serverStaysReady() {
        HttpResponse<String> ready = Http.get(Http.health("/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
    }

    @Test
    void everyEndpointAnswersMalformedRequestsWithA4xxAndNothingInternal() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String path : ENDPOINTS) {
            for (String method : METHODS) {
                sent++;
                check(failures, method + " " + path, path, method, false, send(request(method, path, List.of(), null)));
            }
            for (Shape shape : shapes()) {
                sent++;
                check(failures, "POST " + path + " [" + shape.name() + "]", path, "POST", true,
                        send(request("POST", path, shape.headers(), shape.body() == null ? new byte[0] : shape.body())));
                if (shape.body() == null || shape.body().length < 100_000) {
                    sent++;
                    check(failures, "GET " + path + " [" + shape.name() + "]", path, "GET", false,
                            send(request("GET", path, shape.headers(), null)));
                }
            }
            for (String query : QUERIES) {
                sent++;
                check(failures, "GET " + path + query.substring(0, Math.min(query.length(), 40)), path, "GET", false,
                        send(request("GET", path + query, List.of(), null)));
            }
        }
        System.out.println("MalformedInputIT: " + sent + " malformed requests, " + failures.size() + " failures");
        assertTrue(failures.isEmpty(), failures.size() + " problems in " + sent + " malformed requests:\n" + String.join("\n", failures));
    }

    private static void check(List<String> failures, String what, String path, String method, boolean oauthShape, Answer a) {
        if (a.status() <= 0) {
            failures.add(what + ": no answer" + (a.status() == 0 ? " (closed)" : ": " + a.head()));
            return;
        }
        if (a.status() >= 500 && a.status() != 501 && a.status() != 505) {
            failures.add(what + ": " + a.status());
        }
        var internal = INTERNAL.matcher(a.head() + "\n" + a.body());
        if (internal.find()) {
            failures.add(what + ": names something internal: " + internal.group());
        }
        if (a.status() == 401 && a.header("WWW-Authenticate") == null) {
            failures.add(what + ": 401 without WWW-Authenticate");
        }
        if (oauthShape && OAUTH_JSON.contains(path) && a.status() >= 400 && !what.contains("[huge header]")) {
            // (headers beyond the server's limit are refused by HTTP itself, before any application)
            try {
                JsonObject json = jakarta.json.Json.createReader(new StringReader(a.body())).readObject();
                String error = json.getString("error", null);
                String description = json.getString("error_description", "");
                if (!OAUTH_ERRORS.contains(error)) {
                    failures.add(what + ": not an OAuth error: " + a.body());
                }
                if (!DESCRIPTION.matcher(description).matches() || description.contains("ZQX")) {
                    failures.add(what + ": error_description echoes the request or has characters RFC 6749 forbids: " + description);
                }
            } catch (RuntimeException e) {
                failures.add(what + ": " + a.status() + " without an OAuth JSON body: " + a.body());
            }
        }
    }

    @Test
    void errorDescriptionsUseFixedWordsNeverTheRequestsOwn() {
        String marker = "ZQX\"<b>\\";
        for (String path : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
            for (String body : List.of(Http.enc(marker) + "=a&" + Http.enc(marker) + "=b",
                    "grant_type=" + Http.enc(marker), "grant_type=refresh_token&refresh_token=" + Http.enc(marker),
                    "grant_type=authorization_code&code=" + Http.enc(marker) + "&client_id=" + Http.enc(marker))) {
                HttpResponse<String> r = Http.postRaw(path, body, FORM,
                        "Authorization", Http.basic(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET));
                assertTrue(r.statusCode() >= 200 && r.statusCode() < 500, path + " " + body + ": " + r.statusCode());
                assertFalse(r.body().contains("ZQX"), path + " " + body + ": " + r.body());
                if (r.statusCode() >= 400) {
                    String description = Http.json(r).getString("error_description");
                    assertTrue(DESCRIPTION.matcher(description).matches(), description);
                }
            }
        }
    }

    @Test
    void everyApi401ChallengesAndARequestWithoutATokenGetsNoErrorCode() {
        for (String[] call : new String[][] {{"GET", "/api/me"}, {"GET", "/api/notes"}, {"POST", "/api/notes"},
                {"DELETE", "/api/notes/1"}, {"GET", "/api/me/"}, {"HEAD", "/api/me"}}) {
            Answer a = send(request(call[0], call[1], List.of("Content-Type: application/json"), call[0].equals("POST") ? ascii("{}") : null));
            assertEquals(401, a.status(), call[0] + " " + call[1] + ": " + a.head());
            assertEquals("Bearer realm=\"gatehouse\"", a.header("WWW-Authenticate"), call[0] + " " + call[1]);
            assertFalse(a.body().contains("\"error\""), call[0] + " " + call[1] + ": " + a.body()); // RFC 6750 §3.1
        }
        for (String header : List.of("Bearer not-a-jwt", "Basic Zm9vOmJhcg==", "Bearer " + "x".repeat(5000))) {
            Answer a = send(request("GET", "/api/me", List.of("Authorization: " + header), null));
            assertEquals(401, a.status(), header);
            String challenge = a.header("WWW-Authenticate");
            assertTrue(challenge != null && challenge.startsWith("Bearer ") && challenge.contains("error=\"invalid_token\""), challenge);
        }
    }

    @Test
    void aStaleViewStateInAFacesPartialRequestReloadsThePageAndNamesNoException() {
        Answer a = send(request("POST", "/login", List.of("Content-Type: " + FORM, "Faces-Request: partial/ajax"),
                ascii("jakarta.faces.ViewState=stale-view&jakarta.faces.partial.ajax=true&jakarta.faces.source=loginForm"
                        + "&jakarta.faces.partial.execute=%40all")));
        assertEquals(200, a.status(), a.head());
        assertTrue(a.body().contains("<redirect url=\"/login\""), a.body());
        assertFalse(a.body().contains("Exception") || a.body().contains("<error"), a.body());
    }

    @Test
    void unreadableHeadersAreIgnoredAndUnreadableBodiesRefused() {
        Answer resource = send(request("GET", "/jakarta.faces.resource/gatehouse.css.xhtml?ln=gatehouse",
                List.of("If-Modified-Since: garbage"), null));
        assertEquals(200, resource.status(), resource.head()); // RFC 9110 §13.1.3: an invalid date is ignored
        Answer login = send(request("GET", "/login", List.of("Accept: text/html;q=abc, */*;q="), null));
        assertEquals(200, login.status(), login.head());
        Answer multipart = send(request("POST", "/login", List.of("Content-Type: multipart/form-data"), ascii("abc")));
        assertEquals(415, multipart.status(), multipart.head());
        assertTrue(multipart.body().contains("Unsupported request"), multipart.body());
        Answer gzip = send(request("POST", "/oauth2/token", List.of("Content-Type: " + FORM, "Content-Encoding: gzip"),
                gzip("grant_type=client_credentials")));
        assertEquals(400, gzip.status(), gzip.head());
        assertEquals("identity", gzip.header("Accept-Encoding"));
        assertEquals("DENY", gzip.header("X-Frame-Options"), "refusals carry the security headers too");
        Answer direct = send(request("DELETE", "/error-page", List.of(), null));
        assertEquals(404, direct.status(), direct.head());
        assertEquals(null, login.header("Server"), "no product name in a Server header");
    }

    /**
     * An HTTP/2 client on plain http asks for {@code Upgrade: h2c} on each new connection, body or
     * not (Java's HttpClient does): Payara switches to HTTP/2 and the request must be served, not
     * refused as an upgrade. Each request here opens its own connection.
     */
    @Test
    void anH2cUpgradeWithABodyIsServed() throws Exception {
        for (int i = 0; i < 3; i++) {
            java.net.http.HttpClient fresh = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_2).build();
            HttpResponse<String> r = fresh.send(java.net.http.HttpRequest.newBuilder(Http.uri("/oauth2/token"))
                            .header("Content-Type", FORM)
                            .header("Authorization", Http.basic(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.version() + " " + r.body());
            assertEquals(java.net.http.HttpClient.Version.HTTP_2, r.version(), "the connection was upgraded to h2c");
        }
    }

    /**
     * More concurrent requests with {@code Upgrade: websocket} and a body than there are worker
     * threads (16) are all answered at once; before, each held a worker in a blocking read for the
     * transport's read timeout (30 s), and four of them blocked four of nine workers.
     */
    @Test
    void upgradeRequestsAreAnsweredAtOnceAndHoldNoWorker() throws Exception {
        int n = 24;
        byte[] body = ascii("grant_type=client_credentials&scope=notes%3Aread");
        byte[] upgrade = request("POST", "/oauth2/token", List.of("Content-Type: " + FORM, "Upgrade: websocket",
                "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
                "Authorization: " + Http.basic(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET)), body);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> send(upgrade, 40_000)));
            }
            long normal = timed(() -> Http.get("/oauth2/jwks").statusCode() == 200);
            long slowest = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get(60, TimeUnit.SECONDS);
                assertEquals(400, a.status(), a.head());
                assertEquals("invalid_request", jakarta.json.Json.createReader(new StringReader(a.body())).readObject().getString("error"));
                slowest = Math.max(slowest, a.millis());
            }
            System.out.println("MalformedInputIT: " + n + " upgrade requests, slowest answered in " + slowest
                    + " ms; a normal request meanwhile in " + normal + " ms");
            assertTrue(slowest < 4_000, "slowest upgrade request answered after " + slowest + " ms");
            assertTrue(normal < 4_000, "a normal request waited " + normal + " ms");
        } finally {
            pool.shutdownNow();
        }
        // without a body the header is ignored (RFC 9110 §7.8) and the request served
        Answer page = send(request("GET", "/login", List.of("Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"), null));
        assertEquals(200, page.status(), page.head());
    }

    /**
     * A half-sent body holds a worker only for the read timeout (5 s), then is a 400 (or, on
     * WildFly, a closed connection). Half-sent
     * headers (a slowloris) hold no worker at all: while more of them stay open than there are
     * workers (16), more normal requests than there are workers are all answered at once.
     */
    @Test
    void halfSentRequestsHoldNoWorkerAndNormalRequestsGoOn() throws Exception {
        int halfBodies = 4;
        int halfHeaders = 24;
        int normals = 24;
        byte[] halfBody = ascii("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + FORM
                + "\r\nContent-Length: 100\r\n\r\ngrant_type=");
        byte[] halfHead = ascii("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Ty");
        List<Socket> slowloris = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(halfBodies + normals);
        try {
            for (int i = 0; i < halfHeaders; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getProperty("it.http.port", "18080"))), 5_000);
                socket.getOutputStream().write(halfHead);
                socket.getOutputStream().flush();
                slowloris.add(socket);
            }
            List<Future<Answer>> bodies = new ArrayList<>();
            for (int i = 0; i < halfBodies; i++) {
                bodies.add(pool.submit(() -> send(halfBody, 40_000)));
            }
            List<Future<Long>> normal = new ArrayList<>();
            for (int i = 0; i < normals; i++) {
                normal.add(pool.submit(() -> timed(() -> Http.get("/oauth2/jwks").statusCode() == 200)));
            }
            long slowestNormal = 0;
            for (Future<Long> f : normal) {
                slowestNormal = Math.max(slowestNormal, f.get(60, TimeUnit.SECONDS));
            }
            long slowestBody = 0;
            for (Future<Answer> f : bodies) {
                Answer a = f.get(60, TimeUnit.SECONDS);
                // Payara answers 400 invalid_request; WildFly's Undertow closes the connection when its
                // read timeout fires (a server may close on an incomplete message, RFC 9112 §9.6): the
                // build says which (it.half-sent.closes); either way within the read timeout
                assertEquals(Boolean.getBoolean("it.half-sent.closes") ? 0 : 400, a.status(), a.head());
                slowestBody = Math.max(slowestBody, a.millis());
            }
            System.out.println("MalformedInputIT: with " + halfHeaders + " half-sent headers open, " + normals
                    + " normal requests answered in at most " + slowestNormal + " ms; half-sent bodies answered after at most "
                    + slowestBody + " ms");
            assertTrue(slowestNormal < 4_000, "a normal request waited " + slowestNormal + " ms");
            assertTrue(slowestBody < 10_000, "a half-sent body held a worker for " + slowestBody + " ms");
        } finally {
            pool.shutdownNow();
            for (Socket socket : slowloris) {
                socket.close();
            }
        }
    }

    // --- raw HTTP/1.1 over a socket ------------------------------------------------------------

    private static byte[] request(String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body == null ? new byte[0] : body);
    }

    private static Answer send(byte[] request) {
        return send(request, 20_000);
    }

    /** Sends the bytes, reads until the server closes; status -1 if nothing came back. */
    private static Answer send(byte[] request, int timeoutMillis) {
        long start = System.nanoTime();
        long firstByte = 0;
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getProperty("it.http.port", "18080"))), 5_000);
            socket.setSoTimeout(timeoutMillis);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before the whole body was sent: read what it said
            }
            InputStream stream = socket.getInputStream();
            byte[] buffer = new byte[16384];
            try {
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    if (in.size() == 0 && n > 0) {
                        firstByte = System.nanoTime();
                    }
                    in.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer and no close within " + timeoutMillis + " ms to "
                        + new String(request, 0, Math.min(request.length, 80), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // reset after the answer
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long millis = ((firstByte > 0 ? firstByte : System.nanoTime()) - start) / 1_000_000;
        String raw = in.toString(StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.")) {
            return new Answer(raw.isEmpty() ? 0 : -1, raw, "", millis);
        }
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        Answer a = new Answer(Integer.parseInt(head.substring(9, 12)), head, body, millis);
        if ("chunked".equalsIgnoreCase(a.header("Transfer-Encoding"))) {
            a = new Answer(a.status(), head, dechunk(body), millis);
        }
        return a;
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return body;
            }
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static long timed(java.util.function.BooleanSupplier call) {
        long start = System.nanoTime();
        assertTrue(call.getAsBoolean());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
