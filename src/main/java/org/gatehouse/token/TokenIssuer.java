package org.gatehouse.token;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.grant.Grants;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.Secrets;
import org.gatehouse.user.AccountView;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mints the token pair of a grant: an RFC 9068 JWT access token signed with the active key (RS256
 * or ES256, whichever that key has), and
 * an opaque refresh token of 256 random bits stored only as its SHA-256 (one insert, through
 * {@link Grants}). Everything it needs is in memory: the grant row the handler read, the account
 * snapshot, the client snapshot, the prepared signer.
 * A client acting for itself (client_credentials) gets the access token alone, see {@link #issueForClient}.
 */
@ApplicationScoped
public class TokenIssuer {

    /**
     * The grant a token pair belongs to, as the grant handler found it: its id, the end of its
     * refresh-token family, and for an ID token the sign-in time behind it and the nonce to echo
     * (null once the code is redeemed: a refreshed ID token has none, OIDC Core §12.2).
     */
    public record GrantRef(String id, java.time.Instant familyEnd, Instant authTime, String nonce) {
    }

    /** The scope that asks for an ID token (OIDC Core §3.1.2.1). */
    public static final String OPENID = "openid";

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

    @Inject
    IdTokens idTokens;

    @Transactional(Transactional.TxType.MANDATORY)
    public TokenResponse issue(GrantRef grant, AccountView account, ClientView client, Set<String> accessScopes,
                               Set<String> refreshScopes) {
        Duration accessTtl = client.accessTokenTtl().orElse(settings.accessTokenTtl());
        String scope = String.join(" ", accessScopes);
        String accessToken = sign(claims(client, account.subject(), scope, accessTtl)
                .claim("preferred_username", account.username())
                .claim("gid", grant.id())
                .build());
        // A client not registered for refresh_token could not use one (RFC 6749 §5.2 unauthorized_client).
        String refreshToken = !client.allows(GrantTypes.REFRESH_TOKEN) ? null
                : grants.newRefreshToken(grant.id(), client.clientId(), account.id(), refreshScopes, grant.familyEnd(),
                        client.refreshTokenTtl().orElse(settings.refreshTokenTtl()), grant.authTime());
        // OIDC Core §3.1.3.3 (code) and §12.2 (refresh): an ID token exactly when openid is granted.
        String idToken = !accessScopes.contains(OPENID) ? null
                : idTokens.issue(client.clientId(), account.subject(), grant.authTime(), grant.nonce(), accessToken, accessTtl);
        return new TokenResponse(accessToken, accessTtl.getSeconds(), refreshToken, scope, idToken);
    }

    /** The claims every access token has (RFC 9068 §2.2), for this client and subject. */
    private JWTClaimsSet.Builder claims(ClientView client, String subject, String scope, Duration ttl) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(server.issuer())
                .subject(subject)
                .audience(settings.audience())
                .claim("client_id", client.clientId())
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(Secrets.random(16));
    }

    private String sign(JWTClaimsSet claims) {
        return sign(keys.current(), claims);
    }

    /** An access token signed with {@code key} (see {@link #sign(SigningKeys.Snapshot, JWTClaimsSet, String)}). */
    static String sign(SigningKeys.Snapshot key, JWTClaimsSet claims) {
        return sign(key, claims, "at+jwt");
    }

    /** The active key as the signing path needs it, prepared once per key set: a header per {@code typ}. */
    private record Signing(SigningKeys.Snapshot snapshot, String accessHeader, String idHeader, PrivateKey key) {
    }

    private static volatile Signing signing;

    /**
     * Signs with the active key; the header's {@code alg} (RFC 7515 §4.1.1) is that key's, {@code typ}
     * is RFC 9068 §2.1's {@code at+jwt} for access tokens or {@code JWT} for ID tokens
     * ({@link IdTokens}), {@code kid} names the key (RFC 7515 §4.1.4).
     */
    static String sign(SigningKeys.Snapshot key, JWTClaimsSet claims, String type) {
        try {
            Signing s = signing;
            if (s == null || s.snapshot() != key) {
                s = new Signing(key, header(key, "at+jwt"), header(key, IdTokens.TYPE), privateKey(key.signer()));
                signing = s;
            }
            String header = IdTokens.TYPE.equals(type) ? s.idHeader() : s.accessHeader();
            return CompactJws.sign(header, claims.toString(), key.activeAlg(), s.key());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
    }

    private static String header(SigningKeys.Snapshot key, String type) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", key.activeKid());
        header.put("typ", type);
        header.put("alg", key.activeAlg().getName());
        return CompactJws.encodeHeader(header);
    }

    private static PrivateKey privateKey(com.nimbusds.jose.JWSSigner signer) throws java.security.GeneralSecurityException {
        if (signer instanceof com.nimbusds.jose.crypto.RSASSASigner rsa) {
            return rsa.getPrivateKey();
        }
        if (signer instanceof com.nimbusds.jose.crypto.ECDSASigner ec) {
            return ec.getPrivateKey();
        }
        throw new java.security.GeneralSecurityException("unsupported signer " + signer.getClass().getSimpleName());
    }

    /**
     * The access token of a {@code client_credentials} grant (RFC 6749 §4.4.3): the same RFC 9068
     * profile as {@link #issue}, with the client as its own subject (RFC 9068 §2.2: with no
     * resource owner, {@code sub} identifies the client), no {@code preferred_username}, and no
     * {@code gid} since there is no grant behind it. No refresh token (§4.4.3); nothing is stored.
     */
    public TokenResponse issueForClient(ClientView client, Set<String> scopes) {
        Duration accessTtl = client.accessTokenTtl().orElse(settings.accessTokenTtl());
        String scope = String.join(" ", scopes);
        String accessToken = sign(claims(client, client.clientId(), scope, accessTtl).build());
        return new TokenResponse(accessToken, accessTtl.getSeconds(), null, scope, null);
    }
}
