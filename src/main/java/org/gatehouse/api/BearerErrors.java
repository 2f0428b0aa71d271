package org.gatehouse.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gatehouse.platform.JsonSupport;

/**
 * The API's error responses (RFC 6750 §3): a {@code WWW-Authenticate: Bearer} challenge and the
 * same error as a JSON body. The body also keeps a response thrown inside a resource away from
 * the generic exception mapper (JAX-RS uses a thrown response that has an entity as it is).
 */
final class BearerErrors {

    private BearerErrors() {
    }

    /**
     * 401 without a token: the bare challenge and no error code, in the header or the body (RFC 6750
     * §3.1: a request without credentials gets no error information).
     */
    static Response tokenRequired() {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer realm=\"gatehouse\"")
                .header("Cache-Control", "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonSupport.PROVIDER.createObjectBuilder().add("message", "An access token is required").build().toString())
                .build();
    }

    /** 401 {@code invalid_token}: the token was valid once but cannot be used now. */
    static Response invalidToken(String description) {
        return response(401, ", error=\"invalid_token\", error_description=\"" + description + "\"", "invalid_token", description);
    }

    /** 403 {@code insufficient_scope} naming the scope the request needs (RFC 6750 §3, {@code scope} attribute). */
    static Response scopeNeeded(String scope) {
        return response(403, ", error=\"insufficient_scope\", scope=\"" + scope + "\"", "insufficient_scope",
                "This request needs the scope " + scope);
    }

    /**
     * 403 {@code insufficient_scope} for a valid token issued to a client for itself
     * (client_credentials): no scope would help, the endpoint needs a token issued to a user.
     */
    static Response userNeeded() {
        String description = "This endpoint needs a token issued to a user";
        return response(403, ", error=\"insufficient_scope\", error_description=\"" + description + "\"", "insufficient_scope", description);
    }

    private static Response response(int status, String attributes, String error, String description) {
        return Response.status(status)
                .header("WWW-Authenticate", "Bearer realm=\"gatehouse\"" + attributes)
                .header("Cache-Control", "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonSupport.PROVIDER.createObjectBuilder().add("error", error).add("error_description", description)
                        .build().toString())
                .build();
    }
}
