/**
 * Remembered consents (RFC 6749 §4.1.1: the resource owner "grants or denies" access): the scopes
 * an account has allowed a client, so a later request within them skips the consent page, and
 * their revocation. The page itself is a step of the authorization flow
 * ({@code authorize.ConsentBacking}); this package only keeps what was allowed, and is the only
 * code that reads or writes the {@code consent} table.
 */
package org.gatehouse.consent;
