package org.gatehouse.playground;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.InvalidHashException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.playground.IdTokenChecks.Facts;
import org.gatehouse.playground.IdTokenChecks.Report;
import org.gatehouse.playground.IdTokenChecks.Stage;
import org.gatehouse.playground.IdTokenChecks.Verdict;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the ID token of a token response as a relying party does (OIDC Core §3.1.3.7): the
 * key set fetched over HTTP from the JWKS endpoint (logged like every back-channel request), then
 * Nimbus's {@link IDTokenValidator} with the issuer this client trusts, its client id and the nonce
 * it sent, and Nimbus's {@link AccessTokenValidator} for {@code at_hash} (§3.1.3.8). Nothing here
 * checks a claim by hand: {@link IdTokenChecks} only turns the validators' answers into the card.
 */
@ApplicationScoped
public class IdTokenInspector {

    /** The algorithms Gatehouse signs with; the key's own {@code alg} must also be the header's. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    @Inject
    BackChannel backChannel;

    @Inject
    ServerSettings server;

    @Inject
    Clock clock;

    /**
     * Fetches the JWKS (logged under {@code step}) and validates {@code idToken} for the run's
     * client. {@code expectedNonce} is null for a refreshed ID token (OIDC Core §12.2).
     */
    Report inspect(FlowState s, String step, String idToken, String accessToken, String expectedNonce) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            Verdict v = Verdict.failed(Stage.FORM, "not a signed JWT: " + e.getMessage());
            return new Report("", "", List.of(), IdTokenChecks.lines(v, facts(null, null, s, expectedNonce, null, null)),
                    false, null);
        }
        Exchange jwks = backChannel.send(s, step, "Fetch the server's public keys (JWKS) to validate the ID token",
                Outgoing.get("/oauth2/jwks"));
        String clientId = PlaygroundClients.clientId(s.confidential);
        Verdict verdict;
        if (jwks.status() != 200) {
            verdict = Verdict.failed(Stage.SIGNATURE, "could not fetch the JWKS: HTTP " + jwks.status());
        } else {
            verdict = validate(jwt, jwks.responseBody(), server.issuer(), clientId, expectedNonce);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            claims = new JWTClaimsSet.Builder().build();
        }
        String atHash = claimString(claims, "at_hash");
        Boolean atHashOk = atHash == null || accessToken == null ? null
                : atHashMatches(accessToken, jwt.getHeader().getAlgorithm(), atHash);
        Facts facts = facts(jwt, claims, s, expectedNonce, atHash, atHashOk);
        String[] decoded = TokenInspector.decode(idToken);
        return new Report(decoded[0], decoded[1], IdTokenChecks.claims(claims.toJSONObject()),
                IdTokenChecks.lines(verdict, facts), verdict.valid(), verdict.valid() ? claims.getSubject() : null);
    }

    /** Nimbus's ID token validation with the given key set: valid, or where and why it failed. */
    static Verdict validate(SignedJWT jwt, String jwks, String issuer, String clientId, String expectedNonce) {
        try {
            JWKSet keys = JWKSet.parse(jwks);
            IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer), new ClientID(clientId),
                    new JWSVerificationKeySelector<SecurityContext>(ALGORITHMS, new ImmutableJWKSet<>(keys)), null);
            validator.validate(jwt, expectedNonce == null ? null : new Nonce(expectedNonce));
            return Verdict.VALID;
        } catch (ParseException e) {
            return Verdict.failed(Stage.SIGNATURE, "the JWKS is not a key set: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            return Verdict.of(e);
        }
    }

    /** OIDC Core §3.1.3.8, by Nimbus: at_hash is the left half of the access token's hash. */
    static boolean atHashMatches(String accessToken, JWSAlgorithm alg, String atHash) {
        try {
            AccessTokenValidator.validate(new BearerAccessToken(accessToken), alg, new AccessTokenHash(atHash));
            return true;
        } catch (InvalidHashException | RuntimeException e) {
            return false;
        }
    }

    private Facts facts(SignedJWT jwt, JWTClaimsSet claims, FlowState s, String expectedNonce, String atHash, Boolean atHashOk) {
        JWTClaimsSet c = claims == null ? new JWTClaimsSet.Builder().build() : claims;
        return new Facts(jwt == null ? null : jwt.getHeader().getAlgorithm().getName(),
                jwt == null ? null : jwt.getHeader().getKeyID(), c.getIssuer(), server.issuer(),
                c.getAudience() == null ? List.of() : c.getAudience(), PlaygroundClients.clientId(s.confidential),
                instant(c.getExpirationTime()), instant(c.getIssueTime()), clock.instant(), claimString(c, "nonce"),
                expectedNonce, atHash, atHashOk);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String claimString(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String str ? str : null;
    }

    /** UserInfo's answer (OIDC Core §5.3.2): its claims, read by Nimbus, and the sub comparison. */
    static IdTokenChecks.UserInfoView userInfo(Exchange e, Report idToken) {
        if (e.status() != 200) {
            return new IdTokenChecks.UserInfoView(e.status(), List.of(), IdTokenChecks.userInfoSubject(null, null));
        }
        try {
            com.nimbusds.openid.connect.sdk.claims.UserInfo info =
                    com.nimbusds.openid.connect.sdk.claims.UserInfo.parse(e.responseBody());
            Map<String, Object> json = info.toJSONObject();
            return new IdTokenChecks.UserInfoView(200, IdTokenChecks.claims(json),
                    IdTokenChecks.userInfoSubject(info.getSubject().getValue(), idToken));
        } catch (com.nimbusds.oauth2.sdk.ParseException | RuntimeException ex) {
            return new IdTokenChecks.UserInfoView(200, List.of(), new IdTokenChecks.Line("sub equals the ID token's sub",
                    IdTokenChecks.Status.FAILED, "FAILED: the answer is not a UserInfo claims object", ""));
        }
    }
}
