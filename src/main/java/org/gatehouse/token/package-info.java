/**
 * The token endpoint (RFC 6749 §3.2): client authentication, then one {@link org.gatehouse.token.GrantHandler}
 * per grant type (authorization_code §4.1.3 with PKCE RFC 7636 §4.6; refresh_token §6 with rotation, OAuth 2.1
 * §4.3.1). Access tokens are RFC 9068 JWTs; refresh tokens are opaque and hashed; every token belongs to a
 * {@link org.gatehouse.token.TokenGrant} whose revocation stops them all (RFC 9700 §4.14.2).
 */
package org.gatehouse.token;
