package org.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.client.ClientView;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.grant.Grants;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.Secrets;
import org.gatehouse.user.AccountView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Mints the token pair of a grant: an RFC 9068 JWT access token signed with the active key, and
 * an opaque refresh token of 256 random bits stored only as its SHA-256 (one insert, through
 * {@link Grants}). Everything it needs is in memory: the grant row the handler read, the account
 * snapshot, the client snapshot, the prepared signer.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The grant a token pair belongs to, as the grant handler found it. */
    public record GrantRef(String id, java.time.Instant familyEnd) {
    }

    @Inject
    Grants grants;

    @Inject
    SigningKeys keys;

    @Inject
    ServerSettings server;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public TokenResponse issue(GrantRef grant, AccountView account, ClientView client, Set<String> accessScopes,
                               Set<String> refreshScopes) {
        Instant now = clock.instant();
        Duration accessTtl = client.accessTokenTtl().orElse(settings.accessTokenTtl());
        String scope = String.join(" ", accessScopes);
        String accessToken = sign(new JWTClaimsSet.Builder()
                .issuer(server.issuer())
                .subject(account.subject())
                .audience(settings.audience())
                .claim("client_id", client.clientId())
                .claim("scope", scope)
                .claim("preferred_username", account.username())
                .claim("gid", grant.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTtl)))
                .jwtID(Secrets.random(16))
                .build());
        String refreshToken = grants.newRefreshToken(grant.id(), client.clientId(), account.id(), refreshScopes,
                grant.familyEnd(), client.refreshTokenTtl().orElse(settings.refreshTokenTtl()));
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
}
