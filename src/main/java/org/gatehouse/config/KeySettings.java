package org.gatehouse.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Signing keys.
 *
 * @param encryptionKey {@code gatehouse.keys.encryption-key}: base64 of 32 bytes used to encrypt
 *                      private keys at rest. If empty, one is generated into
 *                      {@code <data-dir>/key-encryption.key} on first start (single node only:
 *                      every node of a cluster must be given the same value).
 * @param refresh       {@code gatehouse.keys.refresh}: how often a node re-reads the key set so a
 *                      rotation made on another node is seen, default PT30S.
 * @param publishLead   {@code gatehouse.keys.publish-lead}: how long a rotated-in key is published
 *                      in the JWKS before it signs, default PT0S; set it to at least the JWKS cache
 *                      time of external resource servers.
 * @param algorithm     {@code gatehouse.keys.algorithm}: the JWS algorithm (RFC 7518 §3.1) of keys
 *                      created from now on (the first key, and every rotation), default
 *                      {@link Algorithm#RS256}. Existing keys keep theirs.
 */
public record KeySettings(Optional<String> encryptionKey, Duration refresh, Duration publishLead, Algorithm algorithm) {

    /**
     * The signing algorithms a new key can have. EdDSA (Ed25519, RFC 8037 §3.1) is not offered:
     * nimbus-jose-jwt signs and verifies Ed25519 only through Google Tink, which Gatehouse does not
     * ship.
     */
    public enum Algorithm {
        /** RSASSA-PKCS1-v1_5 with SHA-256 and a 2048-bit RSA key (RFC 7518 §3.3). */
        RS256,
        /** ECDSA with SHA-256 on the P-256 curve (RFC 7518 §3.4). */
        ES256
    }
}
