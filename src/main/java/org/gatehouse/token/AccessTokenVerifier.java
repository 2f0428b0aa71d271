package org.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;
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
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.SpaceSeparated;

import java.util.Set;

/**
 * Verifies an RFC 9068 access token locally (RFC 9068 §4): an RS256 or ES256 signature (RFC 7518
 * §3.3, §3.4) by a key of the server's published set whose type and {@code alg} match the
 * header's (so {@code alg: none}, HMAC with a public key as the secret, an RS256 header on an EC
 * key and foreign keys all fail, RFC 8725 §3.1), {@code typ: at+jwt}, issuer, audience, expiry,
 * required claims, and that its grant was not revoked. Both algorithms are accepted whatever
 * {@code gatehouse.keys.algorithm} says, so tokens of a key retiring after a rotation to the other
 * algorithm keep verifying. No database or network round trip on the hot path; the processor is
 * rebuilt only when the key set changes.
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

    private volatile Prepared prepared;

    private record Prepared(SigningKeys.Snapshot snapshot, DefaultJWTProcessor<SecurityContext> processor) {
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
        Object scope = claims.getClaim("scope");
        return new AccessTokenPrincipal(token, claims, SpaceSeparated.parse(scope == null ? "" : scope.toString()));
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
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SigningKeys.ALGORITHMS,
                    new ImmutableJWKSet<>(snapshot.publicKeys())));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(tokens.audience(),
                    new JWTClaimsSet.Builder().issuer(server.issuer()).build(), REQUIRED));
            p = new Prepared(snapshot, processor);
            prepared = p;
        }
        return p.processor();
    }
}
