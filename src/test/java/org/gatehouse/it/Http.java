package org.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the integration tests: no redirects followed, nothing hidden. */
public final class Http {

    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Http() {
    }

    /**
     * The {@code alg} of the server's signing keys (RFC 7518 §3.1): {@code RS256} unless the suite
     * runs with the environment variable {@code GATEHOUSE_KEYS_ALGORITHM}, which the server process
     * inherits ({@code GATEHOUSE_KEYS_ALGORITHM=ES256 ./mvnw verify}).
     */
    public static String signingAlgorithm() {
        String alg = System.getenv("GATEHOUSE_KEYS_ALGORITHM");
        return alg == null || alg.isBlank() ? "RS256" : alg.trim();
    }

    public static String base() {
        return "http://localhost:" + System.getProperty("it.http.port", "18080");
    }

    /**
     * Where the health checks are served: the application port on Payara, the management
     * interface on WildFly (README, "WildFly 39"); set per server by the build ({@code it.health.base}).
     */
    public static String health(String path) {
        return System.getProperty("it.health.base", base()) + path;
    }

    public static URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base() + path);
    }

    public static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /**
     * A GET with the request target exactly as given (no client-side normalisation of {@code ..}
     * or {@code //}), over a plain socket to the loopback server; returns the whole response as
     * sent (status line, headers, body), read until the server closes the connection.
     */
    public static String rawGet(String target, String... headers) {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                Integer.parseInt(System.getProperty("it.http.port", "18080")))) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        return postRaw(path, form(form), "application/x-www-form-urlencoded", headers);
    }

    public static HttpResponse<String> postRaw(String path, String body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
    public static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Query parameters of a (redirect) URI, decoded. */
    public static Map<String, String> query(String uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(uri).getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int i = pair.indexOf('=');
            String k = i < 0 ? pair : pair.substring(0, i);
            String v = i < 0 ? "" : pair.substring(i + 1);
            out.put(java.net.URLDecoder.decode(k, StandardCharsets.UTF_8), java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    public static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
