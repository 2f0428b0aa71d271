/**
 * Token signing keys: RSA-2048 (RS256, RFC 7518 §3.3) or P-256 (ES256, RFC 7518 §3.4) keys, the
 * algorithm of new keys chosen by {@code gatehouse.keys.algorithm}, persisted in the database with
 * the private part encrypted by AES-256-GCM under {@code gatehouse.keys.encryption-key} (or a key
 * generated once into the data directory on a single node), so every restart and every node of a
 * cluster signs and verifies with the same keys. Rotation publishes the new key at once; the
 * previous one stops signing but stays in the JWKS (RFC 7517) until the access tokens it signed
 * have expired, whichever algorithm either key has. Each node re-reads the key set every
 * {@code gatehouse.keys.refresh}.
 */
package org.gatehouse.keys;
