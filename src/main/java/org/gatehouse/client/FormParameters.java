package org.gatehouse.client;

import jakarta.ws.rs.core.MultivaluedMap;
import org.gatehouse.error.OAuthException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The form body of a back-channel request (token, revocation, introspection) as single values:
 * RFC 6749 §3.1/§3.2 forbid repeating a parameter, and an empty value counts as absent.
 */
public final class FormParameters {

    private FormParameters() {
    }

    public static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (e.getValue().size() > 1) {
                throw OAuthException.invalidRequest("Parameter " + e.getKey() + " must not be repeated");
            }
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            ParameterLimits.check(e.getKey(), value);
            if (!value.isEmpty()) {
                params.put(e.getKey(), value);
            }
        }
        return Map.copyOf(params);
    }

    public static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            throw OAuthException.invalidRequest(name + " is required");
        }
        return value;
    }
}
