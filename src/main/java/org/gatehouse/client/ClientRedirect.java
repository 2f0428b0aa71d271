package org.gatehouse.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a URI back to a client from one of its registered URIs, with parameters added to its
 * query, keeping any query it already has: the authorization response (RFC 6749 §4.1.2, with
 * {@code iss}, RFC 9207 §2, added by the caller) and the post-logout redirect with {@code state}
 * (OpenID Connect RP-Initiated Logout 1.0 §3).
 */
public final class ClientRedirect {

    private final String redirectUri;
    private final Map<String, String> params = new LinkedHashMap<>();

    private ClientRedirect(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public static ClientRedirect to(String redirectUri) {
        return new ClientRedirect(redirectUri);
    }

    public ClientRedirect with(String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
        return this;
    }

    public String build() {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            uri.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return uri.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
