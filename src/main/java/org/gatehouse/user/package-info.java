/**
 * Accounts: the resource owners of RFC 6749 §1.1 who sign in on the login page, with their roles
 * ({@code user}, {@code admin}). Passwords are hashed with Argon2id (m=19 MiB, t=2, p=1, OWASP)
 * in the PHC string format, so parameters can be raised later without invalidating old hashes.
 */
package org.gatehouse.user;
