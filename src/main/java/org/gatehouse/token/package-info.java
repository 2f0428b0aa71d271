/**
 * The token endpoint, {@code POST /oauth2/token} (RFC 6749 §3.2), and the tokens it issues.
 * <p>
 * After client authentication the request goes to the {@link org.gatehouse.token.GrantHandler}
 * registered for its grant type, if the client is registered for that grant type
 * ({@link org.gatehouse.token.GrantHandlers}; otherwise {@code unauthorized_client}, §5.2):
 * {@code authorization_code} (RFC 6749 §4.1.3 with the PKCE verifier of RFC 7636 §4.6; the code
 * is consumed atomically, and a replay revokes everything issued from it), {@code refresh_token}
 * (§6, rotated on every use; reuse of a rotated token revokes the grant, RFC 9700 §4.14.2; a
 * concurrent use that loses the race for the row is {@code invalid_grant} and revokes it too) and
 * {@code client_credentials} (§4.4, confidential clients only, an access token for the client
 * itself and no refresh token). Access tokens are JWTs in the RFC 9068 profile, signed
 * RS256 or ES256 (RFC 7518 §3.3, §3.4) by the active key;
 * refresh tokens are opaque 256-bit values stored only as SHA-256. Every token issued to a user
 * belongs to a grant (kept by the {@code grant} feature, which owns codes, grants and refresh
 * tokens), and revoking the grant revokes them all; a
 * client's own token has no grant and stops when the client is disabled. The same
 * package verifies access tokens for the API, locally and without a database read.
 */
package org.gatehouse.token;
