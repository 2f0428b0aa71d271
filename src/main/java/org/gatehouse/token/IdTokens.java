package org.gatehouse.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.keys.SigningKeys;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * OpenID Connect ID tokens (OIDC Core §2, §3.1.3.6): issued with the access token of a grant whose
 * scope has {@code openid}, and read back when a client presents one as a hint
 * ({@code id_token_hint} at the authorization and end-session endpoints).
 * <p>
 * An ID token is a JWS signed with the active key ({@code alg} that key's: RS256 by default),
 * header {@code typ: JWT}; an access token's is {@code at+jwt} (RFC 9068 §2.1), so neither is ever
 * accepted as the other (RFC 8725 §3.11). Claims: {@code iss}, {@code sub} (the account's stable
 * subject, as in access tokens), {@code aud} = the client id alone (so {@code azp} is not needed,
 * §2), {@code exp} (the access token's lifetime), {@code iat}, {@code auth_time} (the sign-in
 * behind the grant, kept through refreshes, §12.2), {@code nonce} exactly as the request sent it
 * (never in a refreshed token, §12.2), {@code at_hash} (§3.1.3.6) and {@code amr: ["pwd"]}
 * (RFC 8176 §2: a password is the one way to sign in). No {@code acr}: Gatehouse has no
 * assurance levels, and claiming one would not be honest. Standard claims of {@code profile} and
 * {@code email} are served by UserInfo (§5.4), not put in the ID token.
 */
@ApplicationScoped
public class IdTokens {

    /** OIDC Core §2: JWT typed as such. */
    static final String TYPE = "JWT";

    @Inject
    SigningKeys keys;

    @Inject
    ServerSettings server;

    @Inject
    Clock clock;

    @Inject
    PublishedKeys published;

    /** A verified ID token presented as a hint: whose it is and for which clients. */
    public record Hint(String subject, List<String> audience) {
    }

    /** The ID token of a token response, signed with the active key. */
    public String issue(String clientId, String subject, Instant authTime, String nonce, String accessToken, Duration ttl) {
        SigningKeys.Snapshot key = keys.current();
        return TokenIssuer.sign(key, claims(server.issuer(), clientId, subject, clock.instant(), ttl, authTime, nonce,
                accessToken, key.activeAlg()), TYPE);
    }

    /** The claims of an ID token (OIDC Core §2); see the class comment. */
    static JWTClaimsSet claims(String issuer, String clientId, String subject, Instant now, Duration ttl,
                               Instant authTime, String nonce, String accessToken, JWSAlgorithm alg) {
        IDTokenClaimsSet claims = new IDTokenClaimsSet(new Issuer(issuer), new Subject(subject),
                List.of(new Audience(clientId)), Date.from(now.plus(ttl)), Date.from(now));
        if (authTime != null) {
            claims.setAuthenticationTime(Date.from(authTime));
        }
        if (nonce != null) {
            claims.setNonce(new Nonce(nonce));
        }
        claims.setAccessTokenHash(AccessTokenHash.compute(new BearerAccessToken(accessToken), alg,
                alg == JWSAlgorithm.ES256 ? Curve.P_256 : null));
        claims.setAMR(List.of(AMR.PWD));
        try {
            return claims.toJWTClaimsSet();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("ID token claims", e);
        }
    }

    /**
     * An ID token this server issued, presented as a hint: the signature by a key of the published
     * set and the issuer must be right; an expired one is still a good hint (OIDC Core §3.1.2.1,
     * RP-Initiated Logout §2). Empty for anything else, including access tokens.
     */
    public Optional<Hint> readHint(String idToken) {
        if (idToken == null || idToken.length() > CompactJws.MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = published.verify(idToken, TYPE);
            if (!server.issuer().equals(claims.getIssuer()) || claims.getSubject() == null
                    || claims.getAudience() == null || claims.getAudience().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Hint(claims.getSubject(), List.copyOf(claims.getAudience())));
        } catch (java.text.ParseException | GeneralSecurityException | CompactJws.UnknownKey | RuntimeException e) {
            return Optional.empty();
        }
    }
}
