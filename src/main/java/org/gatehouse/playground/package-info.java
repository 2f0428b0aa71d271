/**
 * The Flow Playground: a page that runs a real Authorization Code flow (RFC 6749 §4.1, with PKCE,
 * RFC 7636) against this server, step by step, and shows every HTTP exchange.
 *
 * <p>The playground is an ordinary registered client ({@link org.gatehouse.playground.PlaygroundClients}):
 * its browser leg goes through the real authorize, login and consent pages, and its back channel
 * is real HTTP to the server's own base URL (the configured issuer). Nothing here calls the
 * protocol code in-process. The flow's state lives in the HTTP session
 * ({@link org.gatehouse.playground.PlaygroundSession}), so several people can use it at once.
 *
 * <p>The page's "OpenID Connect" switch makes the run an OpenID Connect Core 1.0 sign-in: {@code openid}
 * joins the scope and a fresh nonce the request, kept in the {@link org.gatehouse.playground.FlowState}
 * with the state and the PKCE verifier (none of them secret; the client secret is never in the state).
 * The ID token of the token response is validated on receipt as a relying party does (OIDC Core
 * §3.1.3.7): the key set fetched from the JWKS endpoint, then Nimbus's {@code IDTokenValidator} and
 * {@code AccessTokenValidator} ({@link org.gatehouse.playground.IdTokenInspector}); the card's check
 * list is built from their answers ({@link org.gatehouse.playground.IdTokenChecks}), so a failed check
 * shows failed. Step (E) can call UserInfo, whose {@code sub} must be the ID token's (§5.3.4).
 *
 * <p>Sign-out follows OpenID Connect RP-Initiated Logout 1.0 ({@link org.gatehouse.playground.PlaygroundSignOut}):
 * revoke and forget the tokens, send the browser to the end-session endpoint with the ID token as
 * hint and a fresh state, check that state on return at the registered post-logout redirect URI
 * ({@link org.gatehouse.playground.PlaygroundSignedOutServlet}).
 */
package org.gatehouse.playground;
