/**
 * Authorizations, in one home (docs/architecture.md, "One home for an authorization"): the grant
 * an account gave a client, the one-time authorization code that starts it (RFC 6749 §4.1.2,
 * stored as SHA-256, bound to redirect URI and PKCE challenge, RFC 7636 §4.4), the family of
 * rotating refresh tokens (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2) and its revocation state
 * (RFC 7009). {@link org.gatehouse.grant.Grants} is the only code that reads or writes the
 * {@code token_grant} and {@code refresh_token} tables; single use is one conditional UPDATE
 * each; a transaction that loses the race for such a row otherwise (deadlock, serialization
 * failure, lock timeout: {@link org.gatehouse.grant.LostRace}) is a second use too, and the grant is
 * revoked in a new transaction after its rollback. {@link org.gatehouse.grant.RevokedGrants} keeps the revoked grants in memory, caught up
 * from the database every second, so that verifying an access token needs no database read.
 */
package org.gatehouse.grant;
