/**
 * Sign-in with Jakarta Security: the application's one HttpAuthenticationMechanism serves form sign-in
 * with the session for pages and bearer tokens for {@code /api}; the identity store checks Argon2id password
 * hashes; the login page returns the user to the pending authorization.
 */
package org.gatehouse.login;
