/**
 * The authorization endpoint, {@code GET/POST /oauth2/authorize} (RFC 6749 §3.1, §4.1.1-§4.1.2).
 * <p>
 * A request first runs the ordered checks of {@code authorize.check}. Until the client and its
 * redirect URI are proven, every failure is an error page and never a redirect (RFC 6749
 * §4.1.2.1, RFC 9700 §4.11: no open redirector); after that, errors go back to the client with
 * {@code error}, {@code state} and {@code iss} (RFC 9207). The validated request is parked
 * server-side ({@link org.gatehouse.authorize.PendingAuthorizations}) under an unguessable id,
 * so the browser cannot alter it while the user signs in and consents
 * ({@link org.gatehouse.authorize.AuthorizationFlow}; the consent page is
 * {@link org.gatehouse.authorize.ConsentBacking}). Allow issues a one-time authorization code
 * bound to client, redirect URI, account, scopes and PKCE challenge (RFC 7636), kept by the
 * {@code grant} feature. A signed-in browser whose remembered consent covers the request gets
 * its code without the request being parked, except for a public client with a loopback or
 * private-use redirect, which is always asked (RFC 8252 §8.6, RFC 6749 §10.2).
 */
package org.gatehouse.authorize;
