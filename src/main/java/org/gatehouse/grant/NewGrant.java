package org.gatehouse.grant;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What an approved authorization request (RFC 6749 §4.1.1) binds its code to: client, account,
 * scopes, redirect URI (and whether the request named it, §4.1.3) and the PKCE challenge
 * (RFC 7636 §4.4), plus how long the family of refresh tokens may live at most. For OpenID
 * Connect also the request's {@code nonce} (null if none) and when the account signed in
 * ({@code authTime}, OIDC Core §2).
 */
public record NewGrant(String clientId, long accountId, Set<String> scopes, String redirectUri,
                       boolean redirectUriGiven, String codeChallenge, Duration familyLifetime,
                       String nonce, Instant authTime) {
}
