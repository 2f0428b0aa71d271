package org.gatehouse.config;

import java.nio.file.Path;

/**
 * Where this server lives.
 *
 * @param issuer  {@code gatehouse.issuer}: the issuer identifier (RFC 8414 §2), used verbatim in
 *                metadata, the {@code iss} claim and the {@code iss} authorization response
 *                parameter (RFC 9207). Default {@code http://localhost:8080}.
 * @param dataDir {@code gatehouse.data-dir}: directory for the H2 file and the generated
 *                key-encryption key. Default {@code ./data}.
 */
public record ServerSettings(String issuer, Path dataDir) {

    /** The issuer with any trailing slash removed, for building endpoint URLs. */
    public String baseUrl() {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
