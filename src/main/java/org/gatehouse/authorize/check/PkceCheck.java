package org.gatehouse.authorize.check;

import org.gatehouse.error.OAuthException;

import java.util.regex.Pattern;

/**
 * RFC 7636 §4.3 held to OAuth 2.1 §4.1.1 and RFC 9700 §2.1.1: a code_challenge is required for
 * public clients and (by default) for every client; only S256 is accepted, {@code plain} and a
 * missing method (which RFC 7636 defines as plain) are rejected.
 */
public final class PkceCheck implements AuthorizationCheck {

    /** BASE64URL(SHA-256(verifier)) is always 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final boolean requiredForAll;

    public PkceCheck(boolean requiredForAll) {
        this.requiredForAll = requiredForAll;
    }

    @Override
    public void check(AuthorizationContext context) {
        String challenge = context.single("code_challenge");
        String method = context.single("code_challenge_method");
        if (challenge == null) {
            if (method != null) {
                throw OAuthException.invalidRequest("code_challenge_method was sent without code_challenge");
            }
            if (requiredForAll || context.client.pkceRequired()) {
                throw OAuthException.invalidRequest("PKCE is required: send code_challenge with code_challenge_method=S256");
            }
            return;
        }
        if (!"S256".equals(method)) {
            throw OAuthException.invalidRequest("code_challenge_method must be S256");
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            throw OAuthException.invalidRequest("code_challenge must be the base64url SHA-256 of the verifier (43 characters)");
        }
        context.codeChallenge = challenge;
        context.codeChallengeMethod = method;
    }
}
