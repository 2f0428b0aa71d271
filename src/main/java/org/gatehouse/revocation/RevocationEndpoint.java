package org.gatehouse.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientAuthentication;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.FormParameters;
import org.gatehouse.grant.Grants;
import org.gatehouse.grant.RefreshToken;
import org.gatehouse.token.AccessTokenVerifier;
import org.gatehouse.token.InvalidAccessTokenException;

import java.util.Map;
import java.util.Optional;

/**
 * Token revocation (RFC 7009). A client may revoke its own refresh or access token; either
 * revokes the whole grant, so the refresh-token family and every access token issued under it
 * stop working. The answer is 200 whether or not the token was known (RFC 7009 §2.2).
 */
@Path("revoke")
@ApplicationScoped
public class RevocationEndpoint {

    @Inject
    ClientAuthentication authentication;

    @Inject
    Grants grants;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    AuditLog audit;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
        Map<String, String> params = FormParameters.single(form);
        ClientView client = authentication.authenticate(params, authorization);
        String token = FormParameters.required(params, "token");
        grantOf(token, client).ifPresent(grantId -> {
            if (grants.revoke(grantId, "revoked by client")) {
                audit.record(AuditType.TOKEN_REVOKED, client.clientId(), "grant " + grantId, "RFC 7009 revocation");
            }
        });
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    private Optional<String> grantOf(String token, ClientView client) {
        RefreshToken refresh = AccessTokenVerifier.looksLikeJwt(token) ? null : grants.byRefresh(token).orElse(null);
        if (refresh != null) {
            return refresh.getClientId().equals(client.clientId()) ? Optional.of(refresh.getGrantId()) : Optional.empty();
        }
        try {
            var principal = verifier.verify(token);
            return client.clientId().equals(principal.clientId()) ? Optional.ofNullable(principal.grantId()) : Optional.empty();
        } catch (InvalidAccessTokenException e) {
            return Optional.empty(); // unknown, expired or already revoked: nothing to do
        }
    }

}
