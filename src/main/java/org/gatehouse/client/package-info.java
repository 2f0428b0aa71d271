/**
 * Registered clients (RFC 6749 §2): confidential or public (§2.1), their grant types (RFC 7591 §2
 * names; the rules in {@link org.gatehouse.client.GrantTypes}), redirect URIs, allowed and
 * default scopes, and client authentication at the token, revocation and introspection
 * endpoints (§2.3.1: {@code client_secret_basic}, {@code client_secret_post}, or {@code none} for
 * public clients; method names from RFC 7591 §2).
 * <p>
 * Secrets are 256-bit random values stored only as SHA-256 and compared in constant time.
 * Redirect URIs must be absolute, without a fragment, and https, loopback http, or a native
 * app's private-use scheme (RFC 6749 §3.1.2, RFC 8252 §7, RFC 9700 §2.1); only a public
 * client's redirect to a loopback IP literal may vary its port (RFC 8252 §7.3, §8.3). Lookups are served
 * from a short-lived cache that every change evicts.
 */
package org.gatehouse.client;
