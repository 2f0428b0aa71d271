package org.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
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
 * Mints the token pair of a grant: an RFC 9068 JWT access token signed with the active key, and
 * an opaque refresh token of 256 random bits stored only as its SHA-256 (one insert). A client
 * acting for itself (client_credentials) gets the access token alone, see {@link #issueForClient}.
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
        SigningKeys.Snapshot key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt")).keyID(key.activeKid()).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
        return jwt.serialize();
    }

    /**
     * The access token of a {@code client_credentials} grant (RFC 6749 §4.4.3): the same RFC 9068
     * profile as {@link #issue}, with the client as its own subject (RFC 9068 §2.2: with no
     * resource owner, {@code sub} identifies the client), no {@code preferred_username}, and no
     * {@code gid} since there is no grant behind it. No refresh token (§4.4.3); nothing is stored.
     */
    public TokenResponse issueForClient(ClientView client, Set<String> scopes) {
        Instant now = clock.instant();
        Duration accessTtl = client.accessTokenTtl().orElse(settings.accessTokenTtl());
        String scope = String.join(" ", scopes);
        String accessToken = sign(new JWTClaimsSet.Builder()
                .issuer(server.issuer())
                .subject(client.clientId())
                .audience(settings.audience())
                .claim("client_id", client.clientId())
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTtl)))
                .jwtID(Secrets.random(16))
                .build());
        return new TokenResponse(accessToken, accessTtl.getSeconds(), null, scope);
    }
}
