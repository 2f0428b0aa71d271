/**
 * The authorization request checks, one class per rule, run in a fixed order by
 * {@link org.gatehouse.authorize.check.AuthorizationChecks}: client (RFC 6749 §4.1.1), redirect URI (§3.1.2.3,
 * exact match per RFC 9700 §4.1.3, loopback port per RFC 8252 §7.3), repeated parameters (§3.1),
 * response type, scope (§3.3), PKCE S256 (RFC 7636 §4.3).
 */
package org.gatehouse.authorize.check;
