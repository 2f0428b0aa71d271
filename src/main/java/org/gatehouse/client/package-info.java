/**
 * Registered clients (RFC 6749 §2): the entity, a cached read model for the protocol endpoints,
 * client authentication at the token endpoint (§2.3.1: client_secret_basic, client_secret_post, none) and the
 * rules a redirect URI must follow at registration (RFC 9700 §2.1, RFC 8252 §7).
 */
package org.gatehouse.client;
