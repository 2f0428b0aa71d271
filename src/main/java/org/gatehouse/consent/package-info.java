/**
 * The consent step of RFC 6749 §4.1.1 (the resource owner "grants or denies" access): the
 * {@code /consent} page shows which client asks for which scopes, in the scope catalogue's
 * words. Allow issues the authorization code; Deny returns {@code access_denied} (§4.1.2.1).
 * An allowed set of scopes is remembered per account and client, so a later request within it
 * skips the page; remembered consents can be revoked.
 */
package org.gatehouse.consent;
