package org.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.client.ClientView;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.Secrets;
import org.gatehouse.user.Account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Mints the token pair of a grant: an RFC 9068 JWT access token signed with the active key (RS256
 * or ES256, whichever that key has), and
 * an opaque refresh token of 256 random bits stored only as its SHA-256 (one insert).
 */
@ApplicationScoped
public class TokenIssuer {

    @PersistenceContext
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    ServerSettings server;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public TokenResponse issue(TokenGrant grant, Account account, ClientView client, Set<String> accessScopes,
                               Set<String> refreshScopes) {
        Instant now = clock.instant();
        Duration accessTtl = client.accessTokenTtl().orElse(settings.accessTokenTtl());
        String scope = String.join(" ", accessScopes);
        String accessToken = sign(new JWTClaimsSet.Builder()
                .issuer(server.issuer())
                .subject(account.getSubject())
                .audience(settings.audience())
                .claim("client_id", client.clientId())
                .claim("scope", scope)
                .claim("preferred_username", account.getUsername())
                .claim("gid", grant.getId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTtl)))
                .jwtID(Secrets.random(16))
                .build());
        String refreshToken = Secrets.random(32);
        Instant refreshExpiry = now.plus(client.refreshTokenTtl().orElse(settings.refreshTokenTtl()));
        em.persist(new RefreshToken(Secrets.sha256(refreshToken), grant, refreshScopes, now, refreshExpiry));
        grant.extendTo(refreshExpiry);
        return new TokenResponse(accessToken, accessTtl.getSeconds(), refreshToken, scope);
    }

    private String sign(JWTClaimsSet claims) {
        return sign(keys.current(), claims);
    }

    /** Signs with the active key; the header's {@code alg} (RFC 7515 §4.1.1) is that key's, {@code typ} is RFC 9068 §2.1's. */
    static String sign(SigningKeys.Snapshot key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.activeAlg())
                .type(new JOSEObjectType("at+jwt")).keyID(key.activeKid()).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
        return jwt.serialize();
    }
}
