/**
 * The token endpoint, {@code POST /oauth2/token} (RFC 6749 §3.2), and the tokens it issues.
 * <p>
 * After client authentication the request goes to the {@link org.gatehouse.token.GrantHandler}
 * registered for its grant type: {@code authorization_code} (RFC 6749 §4.1.3 with the PKCE
 * verifier of RFC 7636 §4.6; the code is consumed atomically, and a replay revokes everything
 * issued from it) and {@code refresh_token} (§6, rotated on every use; reuse of a rotated token
 * revokes the grant, RFC 9700 §4.14.2). Codes, grants and refresh tokens are kept by the
 * {@code grant} feature; this package turns them into responses. Access tokens are JWTs in the
 * RFC 9068 profile; refresh tokens are opaque 256-bit values stored only as SHA-256. The same
 * package verifies access tokens for the API, locally and without a database read.
 */
package org.gatehouse.token;
