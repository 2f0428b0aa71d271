package org.gatehouse.client;

import org.gatehouse.platform.StoredText;
import org.gatehouse.error.OAuthException;

import java.util.Map;

/**
 * The longest value each OAuth parameter may have, checked before anything is looked up, so
 * that no request can make the server hash, search, log or keep a megabyte it was sent. One rule
 * set for every entry point: the token, revocation and introspection forms ({@link FormParameters})
 * and the authorization request (authorize.check.ParameterCheck). An overlong value is
 * {@code invalid_request} (RFC 6749 §4.1.2.1, §5.2) naming the parameter, never echoing the value;
 * so is a NUL character anywhere (no OAuth value holds one, and PostgreSQL refuses it in text).
 */
public final class ParameterLimits {

    /** Anything not listed: generous for a form value, small enough never to matter. */
    static final int DEFAULT = 2000;

    /** Parameter names longer than this are not OAuth parameters; such a request is refused whole. */
    static final int NAME = 100;

    private static final Map<String, Integer> MAX = Map.ofEntries(
            Map.entry("client_id", Clients.MAX_ID_LENGTH),
            Map.entry("client_secret", 256),
            Map.entry("grant_type", 100),
            Map.entry("response_type", 100),
            Map.entry("code", 256),
            Map.entry("refresh_token", 256),
            Map.entry("code_verifier", 128),            // RFC 7636 §4.1: 43 to 128 characters
            Map.entry("code_challenge", 128),
            Map.entry("code_challenge_method", 10),
            Map.entry("redirect_uri", 2000),
            Map.entry("scope", 2000),
            Map.entry("state", 1000),
            Map.entry("token", 8192),                   // an access token JWT, with room for large claims
            Map.entry("token_type_hint", 50),
            Map.entry("nonce", 1000),
            Map.entry("login_hint", 256),
            Map.entry("id_token_hint", 8192),           // an ID token JWT
            Map.entry("prompt", 100),
            Map.entry("post_logout_redirect_uri", 2000),
            Map.entry("logout_hint", 256),
            Map.entry("ui_locales", 100),
            Map.entry("max_age", 20),
            Map.entry("username", 100));

    private ParameterLimits() {
    }

    public static int max(String name) {
        return MAX.getOrDefault(name, DEFAULT);
    }

    /** Refuses the request if a parameter name or value is longer than its limit. */
    public static void check(String name, String value) {
        if (name.length() > NAME) {
            throw OAuthException.invalidRequest("A parameter name is too long");
        }
        if (StoredText.hasNul(name) || StoredText.hasNul(value)) {
            // No OAuth value holds a NUL, and PostgreSQL cannot store or compare one in text.
            throw OAuthException.invalidRequest("A parameter contains a NUL character");
        }
        if (value != null && value.length() > max(name)) {
            String shown = MAX.containsKey(name) ? name : "A parameter";
            throw OAuthException.invalidRequest(shown + " must not be longer than " + max(name) + " characters");
        }
    }
}
