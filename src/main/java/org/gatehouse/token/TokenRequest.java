package org.gatehouse.token;

import jakarta.ws.rs.core.MultivaluedMap;
import org.gatehouse.client.FormParameters;

import java.util.Map;
import java.util.Optional;

/**
 * A token request (RFC 6749 §3.2) as parsed from its form body: every parameter single-valued
 * (RFC 6749 §3.2: "MUST NOT be included more than once"), plus the Authorization header.
 */
public record TokenRequest(String grantType, Map<String, String> params, String authorization) {

    public static TokenRequest parse(MultivaluedMap<String, String> form, String authorization) {
        Map<String, String> params = FormParameters.single(form);
        return new TokenRequest(FormParameters.required(params, "grant_type"), params, authorization);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public String required(String name) {
        return FormParameters.required(params, name);
    }
}
