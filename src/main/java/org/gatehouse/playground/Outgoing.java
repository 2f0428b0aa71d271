package org.gatehouse.playground;

import org.gatehouse.playground.Exchange.Header;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A back-channel request being put together, kept in two forms at once: what is really sent,
 * and what the log may show (the client secret masked, the curl command reading it from
 * {@code $CLIENT_SECRET}).
 */
final class Outgoing {

    static final String MASK = "••••••••";

    final String method;
    String path;
    final List<Header> sent = new ArrayList<>();
    final List<Header> shown = new ArrayList<>();
    final List<String> curlOptions = new ArrayList<>();
    String body;

    private Outgoing(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static Outgoing get(String path) {
        return new Outgoing("GET", path);
    }

    static Outgoing post(String path) {
        return new Outgoing("POST", path);
    }

    static Outgoing delete(String path) {
        return new Outgoing("DELETE", path);
    }

    Outgoing withPath(String path) {
        this.path = path;
        return this;
    }

    Outgoing header(String name, String value) {
        sent.add(new Header(name, value));
        shown.add(new Header(name, value));
        curlOptions.add("-H " + quote(name + ": " + value));
        return this;
    }

    /** A form body (application/x-www-form-urlencoded), in the given order. */
    Outgoing form(Map<String, String> form) {
        header("Content-Type", "application/x-www-form-urlencoded");
        body = formEncoded(form);
        curlOptions.add("--data-raw " + quote(body));
        return this;
    }

    Outgoing json(String json) {
        header("Content-Type", "application/json");
        body = json;
        curlOptions.add("--data-raw " + quote(json));
        return this;
    }

    Outgoing bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** client_secret_basic (RFC 6749 §2.3.1): id and secret form-encoded, joined, base64-encoded. */
    Outgoing basic(String clientId, String secret) {
        String credentials = enc(clientId) + ":" + enc(secret);
        sent.add(new Header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        shown.add(new Header("Authorization", "Basic " + MASK + "  (base64 of " + enc(clientId) + ":<client secret>)"));
        curlOptions.add("-u " + quote(enc(clientId) + ":") + "\"$CLIENT_SECRET\"");
        return this;
    }

    String curl(String url) {
        StringBuilder b = new StringBuilder("curl -i");
        if (!method.equals("GET")) {
            b.append(" -X ").append(method);
        }
        b.append(' ').append(quote(url));
        curlOptions.forEach(o -> b.append(" \\\n  ").append(o));
        return b.toString();
    }

    /** Pairs form-encoded in their order: a form body, or a query string after {@code ?}. */
    static String formEncoded(Map<String, String> pairs) {
        return pairs.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Single-quoted for a POSIX shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
