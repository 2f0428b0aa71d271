/**
 * Token revocation, {@code POST /oauth2/revoke} (RFC 7009). A client revokes its own refresh or
 * access token; either revokes the whole grant, so the refresh-token family and every access
 * token issued under it stop working. The answer is 200 whether or not the token was known
 * (RFC 7009 §2.2), so the endpoint reveals nothing about tokens.
 */
package org.gatehouse.revocation;
