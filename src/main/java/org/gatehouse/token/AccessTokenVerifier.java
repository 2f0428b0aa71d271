package org.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.client.Clients;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.grant.RevokedGrants;
import org.gatehouse.platform.SpaceSeparated;

import java.util.Set;

/**
 * Verifies an RFC 9068 access token locally: RS256 signature against the server's published key
 * set (so {@code alg: none}, HMAC tricks and foreign keys fail), {@code typ: at+jwt}, issuer,
 * audience, expiry, required claims, and that its grant was not revoked (for a client's own
 * token, which has no grant: that its client may still use it). No database or network round
 * trip on the hot path; the processor is rebuilt only when the key set changes.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final Set<String> REQUIRED = Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id");

    @Inject
    SigningKeys keys;

    @Inject
    ServerSettings server;

    @Inject
    TokenSettings tokens;

    @Inject
    RevokedGrants revoked;

    @Inject
    Clients clients;

    private volatile Prepared prepared;

    private record Prepared(SigningKeys.Snapshot snapshot, DefaultJWTProcessor<SecurityContext> processor) {
    }

    /** A compact JWS has exactly two dots; opaque refresh tokens (base64url) have none. */
    public static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first && token.indexOf('.', token.indexOf('.', first + 1) + 1) < 0;
    }

    public AccessTokenPrincipal verify(String token) throws InvalidAccessTokenException {
        JWTClaimsSet claims;
        try {
            claims = process(token);
        } catch (java.text.ParseException e) {
            throw new InvalidAccessTokenException("The access token is malformed");
        } catch (BadJOSEException e) {
            throw new InvalidAccessTokenException("The access token is invalid or expired");
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new InvalidAccessTokenException("The access token cannot be verified");
        }
        if (revoked.isRevoked((String) claims.getClaim("gid"))) {
            throw new InvalidAccessTokenException("The access token has been revoked");
        }
        if (claims.getClaim("gid") == null && !clientMayStillUseItsOwnToken((String) claims.getClaim("client_id"))) {
            throw new InvalidAccessTokenException("The access token has been revoked");
        }
        Object scope = claims.getClaim("scope");
        return new AccessTokenPrincipal(token, claims, SpaceSeparated.parse(scope == null ? "" : scope.toString()));
    }

    /**
     * A client's own token (client_credentials) has no grant to revoke; it stops instead once the
     * client is disabled, deleted or no longer registered for the grant type (cached lookup).
     */
    private boolean clientMayStillUseItsOwnToken(String clientId) {
        return clients.find(clientId).filter(c -> c.enabled() && c.allows(GrantTypes.CLIENT_CREDENTIALS)).isPresent();
    }

    private JWTClaimsSet process(String token) throws java.text.ParseException, BadJOSEException,
            com.nimbusds.jose.JOSEException {
        try {
            return processor(keys.current()).process(token, null);
        } catch (BadJOSEException e) {
            // A kid this node does not know yet may belong to a key just rotated in on another node.
            String kid = com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();
            if (kid != null && keys.current().publicKeys().getKeyByKeyId(kid) == null) {
                return processor(keys.refreshNow()).process(token, null);
            }
            throw e;
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(SigningKeys.Snapshot snapshot) {
        Prepared p = prepared;
        if (p == null || p.snapshot() != snapshot) {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    new ImmutableJWKSet<>(snapshot.publicKeys())));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(tokens.audience(),
                    new JWTClaimsSet.Builder().issuer(server.issuer()).build(), REQUIRED));
            p = new Prepared(snapshot, processor);
            prepared = p;
        }
        return p.processor();
    }
}
