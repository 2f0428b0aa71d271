/**
 * Accounts: the resource owners of RFC 6749 §1.1 who sign in on the login page, with their roles
 * ({@code user}, {@code admin}). Passwords are hashed with Argon2id (RFC 9106) at the configured
 * parameters (default m=19 MiB, t=2, p=1, never below the OWASP minimums) in the PHC string format,
 * so parameters can be changed later without invalidating old hashes; a sign-in replaces a hash
 * made with other parameters. An account's security stamp ({@code account.security_stamp}) is
 * raised when it loses a role, is disabled or gets a new password; browser sessions remember the
 * stamp they signed in with and end at their next request once it differs
 * ({@link org.gatehouse.user.SessionCaller}). Who is signed in is listed for the admin console in
 * {@code browser_session} ({@link org.gatehouse.user.BrowserSessions}); the list is never consulted
 * to authenticate a request.
 */
package org.gatehouse.user;
