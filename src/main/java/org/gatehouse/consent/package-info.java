/**
 * The consent page and remembered consents: an account's standing approval of scopes for a client,
 * so a request within them skips the page (RFC 6749 §4.1.1 leaves how consent is obtained to the server).
 */
package org.gatehouse.consent;
