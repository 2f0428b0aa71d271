package org.gatehouse.token;

import org.gatehouse.metrics.Metrics;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.gatehouse.client.ClientAuthentication;
import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;

/**
 * The token endpoint (RFC 6749 §3.2): form-encoded POST only, client authentication, then the
 * handler registered for the grant type, provided the client is registered for that grant type
 * ({@link GrantHandlers}, RFC 6749 §5.2). Responses are never cached (RFC 6749 §5.1).
 */
@Path("token")
@ApplicationScoped
public class TokenEndpoint {

    @Inject
    ClientAuthentication authentication;

    @Inject
    GrantHandlers handlers;

    @Inject
    Metrics metrics;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
        long start = System.nanoTime();
        String error = "server_error";
        try {
            TokenRequest request = TokenRequest.parse(form, authorization);
            ClientView client = authentication.authenticate(request.params(), authorization);
            TokenResponse response = handlers.handle(request, client);
            error = null;
            return Response.ok(response.toJson(), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        } catch (OAuthException e) {
            error = e.error();
            throw e;
        } finally {
            metrics.tokenRequest(form == null ? null : form.getFirst("grant_type"), error, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Anything but a form body is a malformed token request (RFC 6749 §3.2). */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthException.invalidRequest("The token request must be application/x-www-form-urlencoded");
    }
}
