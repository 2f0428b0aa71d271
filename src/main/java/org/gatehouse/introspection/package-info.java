/**
 * Token introspection, {@code POST /oauth2/introspect} (RFC 7662), for authenticated
 * confidential clients such as resource servers. Access tokens are verified as the API verifies
 * them; refresh tokens are described only to the client they were issued to. Everything else is
 * {@code {"active": false}} and nothing more (RFC 7662 §2.2).
 */
package org.gatehouse.introspection;
