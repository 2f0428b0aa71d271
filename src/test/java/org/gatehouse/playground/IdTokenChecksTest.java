package org.gatehouse.playground;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import org.gatehouse.playground.IdTokenChecks.Facts;
import org.gatehouse.playground.IdTokenChecks.Line;
import org.gatehouse.playground.IdTokenChecks.Stage;
import org.gatehouse.playground.IdTokenChecks.Status;
import org.gatehouse.playground.IdTokenChecks.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ID token card's check list, from real Nimbus validations of tokens made here: every check
 * the validator passes shows passed, the one it fails on shows failed with Nimbus's reason, the
 * ones after it show not checked; at_hash by Nimbus's AccessTokenValidator.
 */
class IdTokenChecksTest {

    private static final String ISSUER = "https://gatehouse.example";
    private static final String CLIENT = "gatehouse-playground";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final String ACCESS_TOKEN = "eyJ.access.token";

    private static RSAKey rsa;
    private static ECKey ec;
    private static String jwks;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
        jwks = new JWKSet(List.of(rsa, ec)).toPublicJWKSet().toString();
    }

    /** An ID token as Gatehouse makes it, with {@code change} applied to its claims before signing. */
    private static SignedJWT idToken(JOSEObjectType typ, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("sub-123").audience(CLIENT)
                .expirationTime(Date.from(now.plusSeconds(300))).issueTime(Date.from(now)).claim("nonce", NONCE)
                .claim("at_hash", AccessTokenHash.compute(new BearerAccessToken(ACCESS_TOKEN), JWSAlgorithm.RS256).getValue())
                .claim("amr", List.of("pwd"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(typ).build(), claims.build());
        jwt.sign(new RSASSASigner(rsa));
        return SignedJWT.parse(jwt.serialize());
    }

    private static SignedJWT idToken(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        return idToken(JOSEObjectType.JWT, change);
    }

    private static Facts facts(SignedJWT jwt, String expectedNonce) throws Exception {
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        String atHash = (String) c.getClaim("at_hash");
        return new Facts(jwt.getHeader().getAlgorithm().getName(), jwt.getHeader().getKeyID(), c.getIssuer(), ISSUER,
                c.getAudience(), CLIENT, c.getExpirationTime() == null ? null : c.getExpirationTime().toInstant(),
                c.getIssueTime() == null ? null : c.getIssueTime().toInstant(), Instant.now(), (String) c.getClaim("nonce"),
                expectedNonce, atHash, atHash == null ? null
                : IdTokenInspector.atHashMatches(ACCESS_TOKEN, jwt.getHeader().getAlgorithm(), atHash));
    }

    private static List<Line> checks(SignedJWT jwt, String expectedNonce) throws Exception {
        Verdict v = IdTokenInspector.validate(jwt, jwks, ISSUER, CLIENT, expectedNonce);
        return IdTokenChecks.lines(v, facts(jwt, expectedNonce));
    }

    /** name → status, in order. */
    private static Map<String, Status> statuses(List<Line> lines) {
        return lines.stream().collect(Collectors.toMap(Line::name, Line::status, (a, b) -> a, LinkedHashMap::new));
    }

    private static Line named(List<Line> lines, String prefix) {
        return lines.stream().filter(l -> l.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aGoodTokenPassesEveryCheck() throws Exception {
        List<Line> lines = checks(idToken(c -> { }), NONCE);
        assertEquals(List.of("Signature", "iss equals the issuer", "aud contains the client id", "exp in the future",
                "iat not in the future", "nonce equals the one sent", "at_hash matches the access token"),
                lines.stream().map(Line::name).toList());
        lines.forEach(l -> assertEquals(Status.PASSED, l.status(), l.toString()));
        assertEquals("verifies with RS256 key kid=rsa-1 from /oauth2/jwks; header typ is JWT", named(lines, "Signature").detail());
        assertEquals("nonce " + NONCE + " equals the one this session sent", named(lines, "nonce").detail());
        assertTrue(named(lines, "aud").detail().contains(CLIENT), named(lines, "aud").detail());
        lines.forEach(l -> assertFalse(l.why().isBlank(), l.name()));
    }

    @Test
    void anEs256TokenVerifiesWithItsKey() throws Exception {
        JWTClaimsSet claims = idToken(c -> c.claim("at_hash",
                AccessTokenHash.compute(new BearerAccessToken(ACCESS_TOKEN), JWSAlgorithm.ES256).getValue())).getJWTClaimsSet();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(ec));
        List<Line> lines = checks(SignedJWT.parse(jwt.serialize()), NONCE);
        lines.forEach(l -> assertEquals(Status.PASSED, l.status(), l.toString()));
    }

    @Test
    void aWrongNonceFailsTheNonceCheckAndAtHashIsNotChecked() throws Exception {
        List<Line> lines = checks(idToken(c -> { }), "another-nonce");
        Map<String, Status> s = statuses(lines);
        assertEquals(Status.PASSED, s.get("Signature"));
        assertEquals(Status.PASSED, s.get("iss equals the issuer"));
        assertEquals(Status.PASSED, s.get("aud contains the client id"));
        assertEquals(Status.PASSED, s.get("exp in the future"));
        assertEquals(Status.FAILED, s.get("nonce equals the one sent"));
        assertTrue(named(lines, "nonce").detail().startsWith("FAILED: Unexpected JWT nonce"), named(lines, "nonce").detail());
        assertEquals(Status.NOT_CHECKED, s.get("at_hash matches the access token"));
    }

    @Test
    void aWrongIssuerFailsIssAndLeavesTheRestUnchecked() throws Exception {
        List<Line> lines = checks(idToken(c -> c.issuer("https://evil.example")), NONCE);
        Map<String, Status> s = statuses(lines);
        assertEquals(Status.PASSED, s.get("Signature"));
        assertEquals(Status.FAILED, s.get("iss equals the issuer"));
        assertTrue(named(lines, "iss").detail().contains("https://evil.example"), named(lines, "iss").detail());
        for (String later : List.of("aud contains the client id", "exp in the future", "iat not in the future",
                "nonce equals the one sent", "at_hash matches the access token")) {
            assertEquals(Status.NOT_CHECKED, s.get(later), later);
        }
    }

    @Test
    void anotherClientsTokenFailsAud() throws Exception {
        Map<String, Status> s = statuses(checks(idToken(c -> c.audience("some-other-app")), NONCE));
        assertEquals(Status.PASSED, s.get("iss equals the issuer"));
        assertEquals(Status.FAILED, s.get("aud contains the client id"));
        assertEquals(Status.NOT_CHECKED, s.get("exp in the future"));
    }

    @Test
    void expiredAndFutureTokensFailTheirTimeChecks() throws Exception {
        Instant now = Instant.now();
        Map<String, Status> expired = statuses(checks(idToken(c -> c.expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))), NONCE));
        assertEquals(Status.FAILED, expired.get("exp in the future"));
        assertEquals(Status.NOT_CHECKED, expired.get("iat not in the future"));
        Map<String, Status> future = statuses(checks(idToken(c -> c.issueTime(Date.from(now.plus(Duration.ofMinutes(3))))), NONCE));
        assertEquals(Status.PASSED, future.get("exp in the future"));
        assertEquals(Status.FAILED, future.get("iat not in the future"));
        Map<String, Status> noIat = statuses(checks(idToken(c -> c.issueTime(null)), NONCE));
        assertEquals(Status.FAILED, noIat.get("iat not in the future"));
        assertEquals(Status.NOT_CHECKED, noIat.get("exp in the future"), "the validator checks iat's presence before exp's value");
    }

    @Test
    void aForeignSignatureOrAnAccessTokenFailsTheSignatureCheck() throws Exception {
        SignedJWT good = idToken(c -> { });
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").algorithm(JWSAlgorithm.RS256).generate();
        SignedJWT forged = new SignedJWT(good.getHeader(), good.getJWTClaimsSet());
        forged.sign(new RSASSASigner(other));
        List<Line> lines = checks(SignedJWT.parse(forged.serialize()), NONCE);
        assertEquals(Status.FAILED, named(lines, "Signature").status());
        assertTrue(named(lines, "Signature").detail().contains("Invalid signature"), named(lines, "Signature").detail());
        lines.stream().skip(1).forEach(l -> assertEquals(Status.NOT_CHECKED, l.status(), l.name()));

        List<Line> access = checks(idToken(new JOSEObjectType("at+jwt"), c -> { }), NONCE);
        assertEquals(Status.FAILED, named(access, "Signature").status(), "an access token is no ID token");
        assertTrue(named(access, "Signature").detail().contains("typ"), named(access, "Signature").detail());

        List<Line> unknownKid = IdTokenChecks.lines(IdTokenInspector.validate(good,
                new JWKSet(List.of(ec)).toPublicJWKSet().toString(), ISSUER, CLIENT, NONCE), facts(good, NONCE));
        assertEquals(Status.FAILED, named(unknownKid, "Signature").status());
    }

    @Test
    void atHashOfAnotherAccessTokenFails() throws Exception {
        SignedJWT jwt = idToken(c -> c.claim("at_hash",
                AccessTokenHash.compute(new BearerAccessToken("some.other.token"), JWSAlgorithm.RS256).getValue()));
        List<Line> lines = checks(jwt, NONCE);
        assertEquals(Status.PASSED, named(lines, "nonce").status());
        assertEquals(Status.FAILED, named(lines, "at_hash").status());
        List<Line> none = checks(idToken(c -> c.claim("at_hash", null)), NONCE);
        assertEquals(Status.FAILED, named(none, "at_hash").status());
    }

    @Test
    void aRefreshedTokenHasNoNonceToCheck() throws Exception {
        List<Line> lines = checks(idToken(c -> c.claim("nonce", null)), null);
        assertEquals(Status.NOT_CHECKED, named(lines, "nonce").status());
        assertEquals(Status.PASSED, named(lines, "at_hash").status());
    }

    @Test
    void aFailureNoLineOwnsGetsALineOfItsOwnAndClaimsNothingPassed() {
        List<Line> lines = IdTokenChecks.lines(Verdict.failed(null, "something new"), new Facts("RS256", "k", ISSUER, ISSUER,
                List.of(CLIENT), CLIENT, Instant.now(), Instant.now(), Instant.now(), NONCE, NONCE, "h", true));
        lines.stream().limit(lines.size() - 1).forEach(l -> assertEquals(Status.NOT_CHECKED, l.status(), l.name()));
        assertEquals(Status.FAILED, lines.get(lines.size() - 1).status());
        assertEquals("FAILED: something new", lines.get(lines.size() - 1).detail());
        List<Line> noSub = IdTokenChecks.lines(Verdict.failed(Stage.SUBJECT, "Missing JWT subject (sub) claim"),
                new Facts("RS256", "k", ISSUER, ISSUER, List.of(CLIENT), CLIENT, null, null, Instant.now(), null, NONCE, null, null));
        assertEquals(Status.PASSED, named(noSub, "iss").status());
        assertEquals(Status.NOT_CHECKED, named(noSub, "aud").status());
        assertEquals(Status.FAILED, noSub.get(noSub.size() - 1).status());
    }

    @Test
    void everyClaimIsExplainedAndTimesAreReadable() throws Exception {
        Map<String, Object> json = idToken(c -> c.claim("auth_time", 1_700_000_000L)).getJWTClaimsSet().toJSONObject();
        List<IdTokenChecks.Claim> rows = IdTokenChecks.claims(json);
        for (IdTokenChecks.Claim row : rows) {
            assertFalse(row.meaning().startsWith("A claim this page has no note"), row.name());
        }
        IdTokenChecks.Claim auth = rows.stream().filter(r -> r.name().equals("auth_time")).findFirst().orElseThrow();
        assertEquals("1700000000 (2023-11-14T22:13:20Z)", auth.value());
        assertEquals("[pwd]", rows.stream().filter(r -> r.name().equals("amr")).findFirst().orElseThrow().value());
        assertEquals("A claim this page has no note for.", IdTokenChecks.claims(Map.of("x-custom", "1")).get(0).meaning());
    }

    @Test
    void userInfoSubMustBeTheIdTokens() {
        IdTokenChecks.Report accepted = new IdTokenChecks.Report("", "", List.of(), List.of(), true, "sub-123");
        assertEquals(Status.PASSED, IdTokenChecks.userInfoSubject("sub-123", accepted).status());
        assertEquals(Status.FAILED, IdTokenChecks.userInfoSubject("sub-999", accepted).status());
        assertEquals(Status.FAILED, IdTokenChecks.userInfoSubject(null, accepted).status());
        IdTokenChecks.Report refused = new IdTokenChecks.Report("", "", List.of(), List.of(), false, null);
        assertEquals(Status.NOT_CHECKED, IdTokenChecks.userInfoSubject("sub-123", refused).status());
    }

    @Test
    void theSwitchPutsOpenidFirstOrTakesItOut() {
        assertEquals("openid profile notes:read", PlaygroundFlow.withOpenId("profile notes:read", true));
        assertEquals("openid profile", PlaygroundFlow.withOpenId("profile openid", true));
        assertEquals("profile", PlaygroundFlow.withOpenId("openid profile", false));
        assertEquals("openid", PlaygroundFlow.withOpenId("", true));
        assertEquals("", PlaygroundFlow.withOpenId("", false));
    }
}
