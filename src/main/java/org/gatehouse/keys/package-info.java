/**
 * Token signing keys: RSA keys persisted with their private part encrypted at rest (AES-256-GCM),
 * held in memory as a prepared snapshot, rotated with overlap so tokens signed by the previous key stay
 * verifiable until they expire (RFC 7517 key rollover).
 */
package org.gatehouse.keys;
