/**
 * Token introspection, {@code POST /oauth2/introspect} (RFC 7662), for authenticated
 * confidential clients such as resource servers. Access tokens are verified as the API verifies
 * them.
 * <p>
 * <b>Who may introspect what</b> (RFC 7662 §2.1, §4): an access token is described only to the
 * client it was issued to ({@code client_id}) or to a client it is meant for, a client whose
 * client id is in the token's {@code aud} (the audience is {@code gatehouse.token.audience}: a
 * resource server that introspects registers as a confidential client and the audience names its
 * client id); a refresh token only to the client it was issued to. Every other client, and every
 * inactive token, gets {@code {"active": false}} and nothing more (RFC 7662 §2.2), so a client
 * cannot learn whether another client's token is valid, nor whose it is.
 */
package org.gatehouse.introspection;
