package org.gatehouse.error;

import org.gatehouse.platform.JsonSupport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes every OAuth error of the JSON endpoints (RFC 6749 §5.2), uncached. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthException> {

    @Override
    public Response toResponse(OAuthException e) {
        Response response = json(e.status(), e.error(), e.description(),
                e.status() == 401 ? e.challenge().orElse("Basic realm=\"gatehouse\", charset=\"UTF-8\"") : null);
        e.retryAfterSeconds().ifPresent(s -> response.getHeaders().putSingle("Retry-After", Long.toString(s)));
        return response;
    }

    public static Response json(int status, String error, String description, String challenge) {
        Response.ResponseBuilder r = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(body(error, description));
        if (challenge != null) {
            r.header("WWW-Authenticate", challenge);
        }
        if (status == 503) {
            r.header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        return r.build();
    }

    /** The JSON body of an OAuth error (RFC 6749 §5.2): its code and fixed description. */
    public static String body(String error, String description) {
        return JsonSupport.PROVIDER.createObjectBuilder().add("error", error).add("error_description", description).build().toString();
    }
}
