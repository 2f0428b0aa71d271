/**
 * Signing in: the application's one Jakarta Security {@code HttpAuthenticationMechanism} and
 * the {@code /login} page. On {@code /api/*} (the normalised servlet path, not the raw URI) the
 * mechanism accepts bearer access tokens only (RFC 6750 §2.1, answering {@code invalid_token}
 * per §3.1), and the caller gets no container role: scopes are not roles. Everywhere else it
 * does form sign-in with the result kept in the HTTP session, whose id changes at sign-in; every
 * request takes the roles from the account as it is now and ends a session whose account's
 * security stamp changed ({@code user.SessionCaller}). Passwords are
 * checked by the identity store with Argon2id, and an unknown username costs the same time as a
 * known one. After sign-in the visitor continues only to same-origin paths (no open redirect).
 */
package org.gatehouse.login;
