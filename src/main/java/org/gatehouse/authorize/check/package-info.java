/**
 * The authorization request checks, one rule each, run in a fixed order by
 * {@link org.gatehouse.authorize.check.AuthorizationChecks}: client (RFC 6749 §4.1.1), redirect
 * URI by exact match with the RFC 8252 §7.3 loopback-port exception (RFC 6749 §3.1.2.3,
 * RFC 9700 §4.1.3), no repeated parameters (§3.1), response type {@code code} (§4.1.1), the
 * client registered for {@code authorization_code} (§4.1.2.1 {@code unauthorized_client}), scope
 * (§3.3) and PKCE with S256 only (RFC 7636 §4.3, RFC 9700 §2.1.1). Each check throws exactly one
 * kind of OAuth error and records what it established in the
 * {@link org.gatehouse.authorize.check.AuthorizationContext}.
 */
package org.gatehouse.authorize.check;
