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

    /**
     * The parameters of {@code form}; null (a POST without a body) has none, and a key without
     * {@code =} has an empty value. The error names no parameter: it never echoes request text.
     */
    public static Map<String, String> single(MultivaluedMap<String, String> form) {
        if (form == null) {
            return Map.of();
        }
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            if (values.size() > 1) {
                throw OAuthException.invalidRequest("A parameter must not be repeated");
            }
            String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            if (e.getKey() != null) {
                ParameterLimits.check(e.getKey(), value);
            }
            if (e.getKey() != null && !value.isEmpty()) {
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
