/**
 * Signing in: the application's one Jakarta Security {@code HttpAuthenticationMechanism} and
 * the {@code /login} page. On {@code /api/*} the mechanism accepts bearer access tokens only
 * (RFC 6750 §2.1, answering {@code invalid_token} per §3.1); everywhere else it does form
 * sign-in with the result kept in the HTTP session, whose id changes at sign-in. Passwords are
 * checked by the identity store with Argon2id, and an unknown username costs the same time as a
 * known one. After sign-in the visitor continues only to same-origin paths (no open redirect).
 */
package org.gatehouse.login;
