package org.gatehouse.playground;

import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.openid.connect.sdk.validators.BadJWTExceptions;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the ID token card shows, built from what Nimbus's {@code IDTokenValidator} and
 * {@code AccessTokenValidator} answered ({@link IdTokenInspector} runs them): one line per check a
 * client makes (OIDC Core §3.1.3.7, §3.1.3.8), each passed, failed or not reached, and every
 * claim with a note on what it means. Pure: no I/O, so every outcome can be unit-tested.
 * <p>
 * The validator stops at the first failure, so the lines follow its order
 * ({@link Stage}): the checks it passed before failing are passed, the one it failed on is failed
 * with its reason, the ones after it were never made and say so.
 */
final class IdTokenChecks {

    private IdTokenChecks() {
    }

    enum Status { PASSED, FAILED, NOT_CHECKED }

    /** One check: what it is, how it went, the values behind it, and why a client makes it. */
    record Line(String name, Status status, String detail, String why) implements Serializable {
    }

    /** One claim: name, value as shown, and what it means. */
    record Claim(String name, String value, String meaning) implements Serializable {
    }

    /** The ID token as the card shows it. {@code subject} is kept to compare UserInfo's {@code sub} with. */
    record Report(String header, String claims, List<Claim> claimRows, List<Line> checks, boolean valid,
                  String subject) implements Serializable {

        Report {
            claimRows = List.copyOf(claimRows);
            checks = List.copyOf(checks);
        }
    }

    /** The UserInfo answer as the card shows it: its claims, and whether its sub is the ID token's. */
    record UserInfoView(int status, List<Claim> claims, Line subject) implements Serializable {

        UserInfoView {
            claims = List.copyOf(claims);
        }
    }

    /**
     * The steps of {@code IDTokenValidator.validate} in the order it runs them: Nimbus's
     * {@code DefaultJWTProcessor} (claims readable, header {@code typ}, key selection and signature),
     * then {@code IDTokenClaimsVerifier} (iss, sub, aud, azp, exp and iat present, exp, iat, nonce).
     */
    enum Stage {
        FORM, TYPE, SIGNATURE, ISSUER, SUBJECT, AUDIENCE, AUTHORIZED_PARTY, EXPIRY_PRESENT, ISSUED_AT_PRESENT,
        EXPIRY, ISSUED_AT, NONCE
    }

    /**
     * The validator's answer: valid, or the stage it failed at with its message. {@code failedAt}
     * is null for a failure this class cannot place (then no check is claimed to have passed).
     */
    record Verdict(boolean valid, Stage failedAt, String reason) implements Serializable {

        static final Verdict VALID = new Verdict(true, null, "");

        static Verdict failed(Stage stage, String reason) {
            return new Verdict(false, stage, reason == null ? "" : reason);
        }

        /** Places an exception of {@code IDTokenValidator.validate} among the stages. */
        static Verdict of(Exception e) {
            return failed(stage(e), e.getMessage());
        }
    }

    /**
     * What the token and the client's expectations say, for the lines' texts. The statuses never
     * come from here: they come from the {@link Verdict} and from {@code atHashOk}.
     *
     * @param atHash   the {@code at_hash} claim, or null if the token has none
     * @param atHashOk Nimbus's {@code AccessTokenValidator} answer for the access token, null if not run
     */
    record Facts(String alg, String kid, String issuer, String expectedIssuer, List<String> audience,
                 String clientId, Instant expires, Instant issuedAt, Instant now, String nonce, String expectedNonce,
                 String atHash, Boolean atHashOk) {
    }

    static final String WHY_SIGNATURE = "Only the server's private key can make this signature, so the claims are "
            + "the server's own words and nobody changed them on the way.";
    static final String WHY_ISS = "The client must only believe the provider it sent the user to: a token from any other "
            + "issuer (a mix-up between providers, or an attacker's own) must not sign anyone in.";
    static final String WHY_AUD = "A token the server issued to another client (any app the user signed in to) must not "
            + "sign the user in here, or that app could replay it to impersonate them.";
    static final String WHY_TIME = "An ID token is short-lived proof of a recent sign-in: an expired one, or one issued in "
            + "the future, is refused (allowing a minute of clock difference).";
    static final String WHY_NONCE = "The nonce was made fresh for this browser session's request, so a matching one proves "
            + "the token answers that request and is not a replayed or injected token from another sign-in.";
    static final String WHY_AT_HASH = "It proves the access token in the same response was issued together with this ID "
            + "token, so nobody swapped in another one (OIDC Core §3.1.3.8).";

    /** The stages that have a line of their own; a failure at another one gets an extra line. */
    private static final Set<Stage> SHOWN = EnumSet.of(Stage.FORM, Stage.TYPE, Stage.SIGNATURE, Stage.ISSUER,
            Stage.AUDIENCE, Stage.EXPIRY_PRESENT, Stage.EXPIRY, Stage.ISSUED_AT_PRESENT, Stage.ISSUED_AT, Stage.NONCE);

    private static final String NOT_REACHED = "not checked: the validator stops at the first failed check";

    /** Maps an exception of {@code IDTokenValidator.validate} to the stage that threw it; null if unknown. */
    static Stage stage(Exception e) {
        if (e == BadJWTExceptions.MISSING_ISS_CLAIM_EXCEPTION) {
            return Stage.ISSUER;
        }
        if (e == BadJWTExceptions.MISSING_SUB_CLAIM_EXCEPTION) {
            return Stage.SUBJECT;
        }
        if (e == BadJWTExceptions.MISSING_AUD_CLAIM_EXCEPTION) {
            return Stage.AUDIENCE;
        }
        if (e == BadJWTExceptions.MISSING_EXP_CLAIM_EXCEPTION) {
            return Stage.EXPIRY_PRESENT;
        }
        if (e == BadJWTExceptions.MISSING_IAT_CLAIM_EXCEPTION) {
            return Stage.ISSUED_AT_PRESENT;
        }
        if (e == BadJWTExceptions.EXPIRED_EXCEPTION) {
            return Stage.EXPIRY;
        }
        if (e == BadJWTExceptions.IAT_CLAIM_AHEAD_EXCEPTION) {
            return Stage.ISSUED_AT;
        }
        if (e == BadJWTExceptions.MISSING_NONCE_CLAIM_EXCEPTION) {
            return Stage.NONCE;
        }
        if (e instanceof BadJWSException) {
            return Stage.SIGNATURE;
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("Unexpected JWT issuer")) {
            return Stage.ISSUER;
        }
        if (m.startsWith("Unexpected JWT audience")) {
            return Stage.AUDIENCE;
        }
        if (m.startsWith("Invalid JWT authorized party")) {
            return Stage.AUTHORIZED_PARTY;
        }
        if (m.startsWith("Unexpected JWT nonce") || m.startsWith("Invalid JWT nonce")) {
            return Stage.NONCE;
        }
        if (m.contains("JOSE header typ")) {
            return Stage.TYPE;
        }
        if (m.contains("no matching key") || m.contains("No matching verifier") || m.contains("Signed JWT rejected")) {
            return Stage.SIGNATURE;
        }
        if (m.contains("not a valid JSON object") || m.contains("JWT claims")) {
            return Stage.FORM;
        }
        return null;
    }

    /** The check list of the card, in the validator's order, then at_hash. */
    static List<Line> lines(Verdict v, Facts f) {
        List<Line> lines = new ArrayList<>();
        lines.add(line(v, "Signature", EnumSet.of(Stage.FORM, Stage.TYPE, Stage.SIGNATURE),
                "verifies with " + f.alg() + " key kid=" + f.kid() + " from /oauth2/jwks; header typ is JWT", WHY_SIGNATURE));
        lines.add(line(v, "iss equals the issuer", EnumSet.of(Stage.ISSUER),
                "iss is " + f.issuer() + ", the issuer this client trusts", WHY_ISS));
        lines.add(line(v, "aud contains the client id", EnumSet.of(Stage.AUDIENCE),
                "aud " + f.audience() + " contains " + f.clientId(), WHY_AUD));
        long left = f.expires() == null || f.now() == null ? 0 : f.expires().getEpochSecond() - f.now().getEpochSecond();
        lines.add(line(v, "exp in the future", EnumSet.of(Stage.EXPIRY_PRESENT, Stage.EXPIRY),
                "exp is " + f.expires() + ", in " + left + " s", WHY_TIME));
        lines.add(line(v, "iat not in the future", EnumSet.of(Stage.ISSUED_AT_PRESENT, Stage.ISSUED_AT),
                "iat is " + f.issuedAt(), WHY_TIME));
        if (f.expectedNonce() == null) {
            lines.add(new Line("nonce equals the one sent", Status.NOT_CHECKED,
                    "not checked: no nonce was sent for this token (a refreshed ID token carries none, OIDC Core §12.2)", WHY_NONCE));
        } else {
            lines.add(line(v, "nonce equals the one sent", EnumSet.of(Stage.NONCE),
                    "nonce " + f.nonce() + " equals the one this session sent", WHY_NONCE));
        }
        lines.add(atHash(v, f));
        if (!v.valid() && (v.failedAt() == null || !SHOWN.contains(v.failedAt()))) {
            lines.add(new Line("Other checks of the validator", Status.FAILED, "FAILED: " + v.reason(),
                    "A token the validator refuses for any reason signs nobody in."));
        }
        return lines;
    }

    private static Line line(Verdict v, String name, Set<Stage> stages, String passed, String why) {
        if (v.valid()) {
            return new Line(name, Status.PASSED, passed, why);
        }
        if (v.failedAt() != null && stages.contains(v.failedAt())) {
            return new Line(name, Status.FAILED, "FAILED: " + v.reason(), why);
        }
        boolean before = v.failedAt() != null && stages.stream().allMatch(s -> s.compareTo(v.failedAt()) < 0);
        return before ? new Line(name, Status.PASSED, passed, why) : new Line(name, Status.NOT_CHECKED, NOT_REACHED, why);
    }

    /** at_hash is checked once the ID token is accepted: an unverified token's hash proves nothing. */
    private static Line atHash(Verdict v, Facts f) {
        String name = "at_hash matches the access token";
        if (!v.valid()) {
            return new Line(name, Status.NOT_CHECKED, "not checked: the ID token itself was refused", WHY_AT_HASH);
        }
        if (f.atHash() == null || f.atHashOk() == null) {
            return new Line(name, Status.FAILED, "FAILED: the ID token has no at_hash (Gatehouse always sends one)", WHY_AT_HASH);
        }
        return f.atHashOk()
                ? new Line(name, Status.PASSED, "at_hash " + f.atHash() + " is the left half of the access token's "
                + hashName(f.alg()) + ", base64url", WHY_AT_HASH)
                : new Line(name, Status.FAILED, "FAILED: at_hash " + f.atHash() + " does not match the access token", WHY_AT_HASH);
    }

    private static String hashName(String alg) {
        return alg != null && (alg.endsWith("384")) ? "SHA-384" : alg != null && alg.endsWith("512") ? "SHA-512" : "SHA-256";
    }

    /** What each claim means (OIDC Core §2, §5.1; RFC 8176 for amr). */
    static final Map<String, String> MEANINGS = meanings();

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("iss", "Issuer: who made and signed this token. The client accepts it only from the provider it sent the user to.");
        m.put("sub", "Subject: the user's stable, never reassigned identifier at this issuer. A client keys its accounts on iss + sub, never on a username or e-mail.");
        m.put("aud", "Audience: the client(s) this token is for; here the client id.");
        m.put("exp", "Expires at (seconds since 1970): after this the token must be refused.");
        m.put("iat", "Issued at: when the server made this token.");
        m.put("auth_time", "When the user really signed in: possibly earlier than iat, if an existing session was used. A client that asked for max_age compares it.");
        m.put("nonce", "The random value the client sent in the authorization request, echoed back: ties this token to that request.");
        m.put("at_hash", "Access token hash: the left half of the SHA-256 of the access token, base64url (OIDC Core §3.1.3.6).");
        m.put("amr", "Authentication methods: how the user signed in (pwd: a password, RFC 8176).");
        m.put("acr", "Authentication context class: the assurance level of the sign-in.");
        m.put("azp", "Authorized party: the client the token was issued to, when aud names several.");
        m.put("sid", "Session id at the provider, for logout notifications.");
        m.put("jti", "A unique id of this token.");
        m.put("name", "The user's full name (scope profile).");
        m.put("preferred_username", "The name the user signs in with (scope profile); not unique over time, so never a key.");
        m.put("updated_at", "When the user's profile last changed (seconds since 1970; scope profile).");
        m.put("email", "The user's e-mail address (scope email).");
        m.put("email_verified", "Whether the provider verified that the user owns the address (scope email); trust the e-mail only if true.");
        return Map.copyOf(m);
    }

    private static final Set<String> TIMES = Set.of("exp", "iat", "auth_time", "updated_at", "nbf");

    /** Every claim of a claims object (ID token or UserInfo), in its order, with its meaning. */
    static List<Claim> claims(Map<String, Object> json) {
        List<Claim> rows = new ArrayList<>();
        json.forEach((name, value) -> rows.add(new Claim(name, show(name, value),
                MEANINGS.getOrDefault(name, "A claim this page has no note for."))));
        return rows;
    }

    static String show(String name, Object value) {
        if (value instanceof Number n && TIMES.contains(name)) {
            return n.longValue() + " (" + Instant.ofEpochSecond(n.longValue()) + ")";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    /** UserInfo's sub must be the ID token's (OIDC Core §5.3.4), or its claims are someone else's. */
    static Line userInfoSubject(String userInfoSub, Report idToken) {
        String name = "sub equals the ID token's sub";
        String why = "UserInfo answers for whoever the access token belongs to; only a matching sub shows the claims "
                + "are the signed-in user's (OIDC Core §5.3.4).";
        if (idToken == null || !idToken.valid() || idToken.subject() == null) {
            return new Line(name, Status.NOT_CHECKED, "not checked: there is no accepted ID token to compare with", why);
        }
        if (userInfoSub == null) {
            return new Line(name, Status.FAILED, "FAILED: the answer has no sub", why);
        }
        return idToken.subject().equals(userInfoSub)
                ? new Line(name, Status.PASSED, "sub " + userInfoSub + " is the ID token's", why)
                : new Line(name, Status.FAILED, "FAILED: sub " + userInfoSub + " is not the ID token's " + idToken.subject(), why);
    }
}
