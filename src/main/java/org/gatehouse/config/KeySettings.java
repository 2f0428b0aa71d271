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
 */
public record KeySettings(Optional<String> encryptionKey, Duration refresh, Duration publishLead) {
}
