package org.gatehouse.authorize;

import java.util.Set;

/**
 * An authorization request after its checks passed (RFC 6749 §4.1.1, RFC 7636 §4.3): the client
 * and redirect URI are proven, the scopes resolved, the PKCE challenge well-formed, and the
 * OpenID Connect parameters read ({@link OpenIdParameters#NONE} for a plain OAuth request).
 */
public record AuthorizationRequest(String clientId, String redirectUri, boolean redirectUriGiven, Set<String> scopes,
                                   String state, String codeChallenge, String codeChallengeMethod,
                                   OpenIdParameters openId) {
}
