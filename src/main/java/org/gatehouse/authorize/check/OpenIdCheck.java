package org.gatehouse.authorize.check;

import org.gatehouse.authorize.OpenIdParameters;
import org.gatehouse.error.OAuthException;
import org.gatehouse.platform.SpaceSeparated;
import org.gatehouse.token.IdTokens;
import org.gatehouse.token.TokenIssuer;

import java.util.Set;

/**
 * OpenID Connect Core §3.1.2.1–§3.1.2.2 for a request whose scope has {@code openid}: the
 * {@code prompt} values are known and {@code none} stands alone; {@code max_age} is a
 * non-negative number of seconds; an {@code id_token_hint} is an ID token this server issued
 * (its signature and issuer; expiry does not matter for a hint); request objects
 * ({@code request}, {@code request_uri}, §6) and {@code registration} are not supported and say
 * so with their own error codes. Without {@code openid} the request is plain OAuth 2.0: those
 * parameters mean nothing (RFC 6749 §3.1 ignores unknown ones) and only {@code login_hint}, a
 * convenience, is kept. Runs after the scope check; lengths are checked by {@link ParameterCheck}.
 */
public final class OpenIdCheck implements AuthorizationCheck {

    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

    /** Larger than any sensible sign-in age (about 31 years) and far from int overflow. */
    private static final int MAX_AGE_LIMIT = 1_000_000_000;

    private final IdTokens idTokens;

    public OpenIdCheck(IdTokens idTokens) {
        this.idTokens = idTokens;
    }

    @Override
    public void check(AuthorizationContext context) {
        String loginHint = context.single("login_hint");
        if (!context.scopes.contains(TokenIssuer.OPENID)) {
            context.openId = new OpenIdParameters(null, Set.of(), null, loginHint, null);
            return;
        }
        if (context.single("request") != null) {
            throw OAuthException.openId("request_not_supported", "Request objects are not supported");
        }
        if (context.single("request_uri") != null) {
            throw OAuthException.openId("request_uri_not_supported", "request_uri is not supported");
        }
        if (context.single("registration") != null) {
            throw OAuthException.openId("registration_not_supported", "The registration parameter is not supported");
        }
        Set<String> prompt = SpaceSeparated.parse(context.single("prompt"));
        if (!PROMPTS.containsAll(prompt)) {
            throw OAuthException.invalidRequest("prompt must be none, login, consent or select_account");
        }
        if (prompt.contains("none") && prompt.size() > 1) {
            throw OAuthException.invalidRequest("prompt=none cannot be combined with other values");
        }
        Integer maxAge = maxAge(context.single("max_age"));
        String hint = context.single("id_token_hint");
        String hintSubject = null;
        if (hint != null) {
            hintSubject = idTokens.readHint(hint).map(IdTokens.Hint::subject)
                    .orElseThrow(() -> OAuthException.invalidRequest("id_token_hint is not an ID token issued by this server"));
        }
        context.openId = new OpenIdParameters(context.single("nonce"), prompt, maxAge, loginHint, hintSubject);
    }

    static Integer maxAge(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw OAuthException.invalidRequest("max_age must be a non-negative number of seconds");
        }
        long seconds = Long.parseLong(value);
        return (int) Math.min(seconds, MAX_AGE_LIMIT);
    }
}
