package org.gatehouse.token;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.client.Clients;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.grant.RevokedGrants;
import org.gatehouse.platform.SpaceSeparated;

import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * Verifies an RFC 9068 access token locally (RFC 9068 §4): an RS256 or ES256 signature (RFC 7518
 * §3.3, §3.4) by a key of the server's published set whose type and {@code alg} match the
 * header's (so {@code alg: none}, HMAC with a public key as the secret, an RS256 header on an EC
 * key and foreign keys all fail, RFC 8725 §3.1), {@code typ: at+jwt}, issuer, audience, expiry,
 * required claims, and that its grant was not revoked. Both algorithms are accepted whatever
 * {@code gatehouse.keys.algorithm} says, so tokens of a key retiring after a rotation to the other
 * algorithm keep verifying. No database or network round trip on the hot path: the signature is
 * checked by {@link CompactJws} against Java keys prepared once per key-set change, the claims by
 * nimbus's claims verifier.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final String TYPE = "at+jwt";

    private static final Set<String> REQUIRED = Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id");

    @Inject
    PublishedKeys published;

    @Inject
    ServerSettings server;

    @Inject
    TokenSettings tokens;

    @Inject
    RevokedGrants revoked;

    @Inject
    Clients clients;

    /** The claims rules (issuer, audience, required claims), built once. */
    private volatile DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

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
        } catch (GeneralSecurityException | CompactJws.UnknownKey | BadJWTException e) {
            throw new InvalidAccessTokenException("The access token is invalid or expired");
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

    private JWTClaimsSet process(String token)
            throws java.text.ParseException, GeneralSecurityException, CompactJws.UnknownKey, BadJWTException {
        JWTClaimsSet claims = published.verify(token, TYPE);
        DefaultJWTClaimsVerifier<SecurityContext> rules = claimsVerifier;
        if (rules == null) {
            rules = new DefaultJWTClaimsVerifier<>(tokens.audience(), new JWTClaimsSet.Builder().issuer(server.issuer()).build(),
                    REQUIRED);
            claimsVerifier = rules;
        }
        rules.verify(claims, null);
        return claims;
    }
}
