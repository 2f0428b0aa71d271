package org.gatehouse.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values and hashes for high-entropy secrets (client secrets, codes, refresh tokens).
 * A value with ≥128 random bits needs no slow KDF: SHA-256 cannot be brute-forced back to it,
 * so verification stays one fast hash plus a constant-time comparison.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return URL.encodeToString(value);
    }

    /** SHA-256 of the UTF-8 value, base64url without padding (43 characters). */
    public static String sha256(String value) {
        return URL.encodeToString(digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two strings in time independent of where they differ. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static SecureRandom secureRandom() {
        return RANDOM;
    }
}
