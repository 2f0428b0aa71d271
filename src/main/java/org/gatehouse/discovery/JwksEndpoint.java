package org.gatehouse.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.gatehouse.keys.SigningKeys;

/**
 * The JWK Set (RFC 7517 §5) of every published signing key: the active one and those retired
 * from signing whose tokens may still be unexpired. Public parts only.
 */
@Path("jwks")
@ApplicationScoped
public class JwksEndpoint {

    @Inject
    SigningKeys keys;

    @GET
    @Produces("application/jwk-set+json")
    public Response jwks() {
        return Response.ok(keys.current().publicKeys().toPublicJWKSet().toString())
                .header("Cache-Control", "public, max-age=60").build();
    }
}
