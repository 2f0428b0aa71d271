/**
 * What a client or resource server needs to find and trust this server: authorization server
 * metadata (RFC 8414 §2-§3) at {@code /.well-known/oauth-authorization-server}, under the
 * well-known prefix of RFC 8615, and the JWK Set (RFC 7517 §5) of the published signing keys at
 * {@code /oauth2/jwks}. The issuer is the configured {@code gatehouse.issuer}, verbatim.
 */
package org.gatehouse.discovery;
