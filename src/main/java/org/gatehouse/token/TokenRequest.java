package org.gatehouse.token;

import jakarta.ws.rs.core.MultivaluedMap;
import org.gatehouse.error.OAuthException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token request (RFC 6749 §3.2) as parsed from its form body: every parameter single-valued
 * (RFC 6749 §3.2: "MUST NOT be included more than once"), plus the Authorization header.
 */
public record TokenRequest(String grantType, Map<String, String> params, String authorization) {

    public static TokenRequest parse(MultivaluedMap<String, String> form, String authorization) {
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (e.getValue().size() > 1) {
                throw OAuthException.invalidRequest("Parameter " + e.getKey() + " must not be repeated");
            }
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            if (!value.isEmpty()) {
                params.put(e.getKey(), value);
            }
        }
        String grantType = params.get("grant_type");
        if (grantType == null) {
            throw OAuthException.invalidRequest("grant_type is required");
        }
        return new TokenRequest(grantType, Map.copyOf(params), authorization);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public String required(String name) {
        return param(name).orElseThrow(() -> OAuthException.invalidRequest(name + " is required"));
    }
}
