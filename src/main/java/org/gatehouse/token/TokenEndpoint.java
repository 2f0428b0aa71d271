package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The token endpoint (RFC 6749 §3.2): form-encoded POST only, client authentication, then the
 * handler registered for the grant type. Responses are never cached (RFC 6749 §5.1).
 */
@Path("token")
@ApplicationScoped
public class TokenEndpoint {

    @Inject
    ClientAuthentication authentication;

    @Inject
    Instance<GrantHandler> handlers;

    private volatile Map<String, GrantHandler> byType;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
        TokenRequest request = TokenRequest.parse(form, authorization);
        GrantHandler handler = handlers().get(request.grantType());
        ClientView client = authentication.authenticate(request.params(), authorization);
        if (handler == null) {
            throw OAuthException.unsupportedGrantType("Supported grant types: authorization_code, refresh_token");
        }
        TokenResponse response = handler.handle(request, client);
        return Response.ok(response.toJson(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** Anything but a form body is a malformed token request (RFC 6749 §3.2). */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthException.invalidRequest("The token request must be application/x-www-form-urlencoded");
    }

    private Map<String, GrantHandler> handlers() {
        Map<String, GrantHandler> map = byType;
        if (map == null) {
            map = handlers.stream().collect(Collectors.toUnmodifiableMap(GrantHandler::grantType, Function.identity()));
            byType = map;
        }
        return map;
    }
}
