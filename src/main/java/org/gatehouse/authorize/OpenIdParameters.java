package org.gatehouse.authorize;

import java.time.Instant;
import java.util.Set;

/**
 * The OpenID Connect parameters of an authorization request (OIDC Core §3.1.2.1), checked by
 * {@code authorize.check.OpenIdCheck}: the {@code nonce} to echo in the ID token, the
 * {@code prompt} values, {@code max_age} in seconds (null if absent), the {@code login_hint}
 * that pre-fills the username (also honoured for plain OAuth requests), and the {@code sub} of a
 * verified {@code id_token_hint} (null if none).
 */
public record OpenIdParameters(String nonce, Set<String> prompt, Integer maxAge, String loginHint, String hintSubject) {

    /** A plain OAuth request: no OpenID Connect parameters. */
    public static final OpenIdParameters NONE = new OpenIdParameters(null, Set.of(), null, null, null);

    public OpenIdParameters {
        prompt = prompt == null ? Set.of() : Set.copyOf(prompt);
    }

    /** {@code prompt=none}: no page may be shown (OIDC Core §3.1.2.1). */
    public boolean promptNone() {
        return prompt.contains("none");
    }

    /** {@code prompt=consent}: ask even if a remembered consent covers the scopes. */
    public boolean promptConsent() {
        return prompt.contains("consent");
    }

    /**
     * The earliest sign-in that still counts for this request, or null if any does:
     * {@code prompt=login} (and {@code select_account}, which Gatehouse serves with the sign-in
     * page) asks for a sign-in after the request arrived ({@code now}); {@code max_age} for one at
     * most that many seconds old (§3.1.2.1: {@code max_age=0} is a fresh sign-in).
     */
    public Instant authNotBefore(Instant now) {
        Instant notBefore = null;
        if (prompt.contains("login") || prompt.contains("select_account")) {
            notBefore = now;
        }
        if (maxAge != null) {
            Instant oldest = now.minusSeconds(maxAge);
            notBefore = notBefore == null || oldest.isAfter(notBefore) ? oldest : notBefore;
        }
        return notBefore;
    }

    /** Whether a sign-in at {@code authTime} is recent enough for {@code notBefore} (null: always). */
    public static boolean recentEnough(Instant authTime, Instant notBefore) {
        return notBefore == null || (authTime != null && !authTime.isBefore(notBefore));
    }
}
