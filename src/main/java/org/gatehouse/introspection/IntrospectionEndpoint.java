package org.gatehouse.introspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonObjectBuilder;
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
import org.gatehouse.config.ServerSettings;
import org.gatehouse.error.OAuthException;
import org.gatehouse.client.FormParameters;
import org.gatehouse.grant.Grants;
import org.gatehouse.grant.RefreshToken;
import org.gatehouse.token.AccessTokenPrincipal;
import org.gatehouse.token.AccessTokenVerifier;
import org.gatehouse.token.InvalidAccessTokenException;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Token introspection (RFC 7662) for confidential clients (resource servers register as one).
 * Who may learn about a token (RFC 7662 §2.1, §4: not every client about every token): an access
 * token is described to the client it was issued to and to a client it is meant for, i.e. whose
 * client id is in its {@code aud}; a refresh token only to the client it was issued to. Access
 * tokens are verified like the API does. Anything else, including a valid token the caller may
 * not learn about, is {@code {"active": false}} and nothing more (§2.2).
 * A JWT (three dot-separated parts; refresh tokens are opaque base64url without dots) is answered
 * from memory like an API call; anything else costs one indexed read of the refresh-token family.
 * A client's own token (client_credentials) has {@code sub} = its client id and no {@code username}.
 */
@Path("introspect")
@ApplicationScoped
public class IntrospectionEndpoint {

    @Inject
    ClientAuthentication authentication;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    Grants grants;

    @Inject
    ServerSettings server;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
        Map<String, String> params = FormParameters.single(form);
        ClientView caller = authentication.authenticate(params, authorization);
        if (caller.isPublic()) {
            throw OAuthException.unauthorizedClient("Only confidential clients may introspect tokens");
        }
        String token = FormParameters.required(params, "token");
        JsonObjectBuilder json = JsonSupport.PROVIDER.createObjectBuilder();
        RefreshToken refresh = AccessTokenVerifier.looksLikeJwt(token) ? null : grants.byRefresh(token).orElse(null);
        if (refresh != null) {
            boolean active = refresh.getClientId().equals(caller.clientId()) && refresh.isUsable(clock.instant())
                    && !grants.isRevoked(refresh.getGrantId());
            json.add("active", active);
            if (active) {
                json.add("scope", String.join(" ", refresh.getScopes())).add("client_id", refresh.getClientId())
                        .add("token_type", "refresh_token").add("exp", refresh.getExpiresAt().getEpochSecond())
                        .add("iss", server.issuer());
            }
        } else {
            try {
                AccessTokenPrincipal p = verifier.verify(token);
                if (!mayLearnAbout(caller.clientId(), p.clientId(), p.getAudience())) {
                    return inactive();
                }
                json.add("active", true).add("scope", String.join(" ", p.scopes())).add("client_id", p.clientId());
                p.username().ifPresent(username -> json.add("username", username));
                json.add("token_type", "Bearer")
                        .add("sub", p.getSubject()).add("iss", p.getIssuer()).add("jti", p.getTokenID())
                        .add("exp", p.getExpirationTime()).add("iat", p.getIssuedAtTime())
                        .add("aud", JsonSupport.PROVIDER.createArrayBuilder(p.getAudience()));
            } catch (InvalidAccessTokenException e) {
                json.add("active", false);
            }
        }
        return Response.ok(json.build().toString()).header("Cache-Control", "no-store").build();
    }

    private static Response inactive() {
        return Response.ok("{\"active\":false}").header("Cache-Control", "no-store").build();
    }

    /**
     * Whether the authenticated client {@code caller} may learn about an access token of
     * {@code tokenClient} for {@code audience}: it is the token's own client, or the token is
     * meant for it (its client id is one of the audiences; set {@code gatehouse.token.audience}).
     */
    static boolean mayLearnAbout(String caller, String tokenClient, Set<String> audience) {
        return caller.equals(tokenClient) || (audience != null && audience.contains(caller));
    }
}
