package org.gatehouse.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.gatehouse.config.PasswordSettings;
import org.gatehouse.platform.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Password hashing with Argon2id (RFC 9106) at the configured parameters
 * ({@code gatehouse.password.argon2.*}, never below the OWASP Password Storage Cheat Sheet's
 * minimums), encoded in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}) so
 * the parameters travel with the hash: a hash made under older parameters still verifies, and
 * {@link #needsRehash} tells the sign-in to replace it.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** A stored hash taken apart: its parameters, salt and expected output. */
    private record Phc(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }

    @Inject
    PasswordSettings settings;

    /** A hash of a random password under the configured parameters, verified for unknown usernames (no timing oracle). */
    private String decoy;

    protected PasswordHasher() {
    }

    /** A hasher outside CDI (tests, tools). */
    public PasswordHasher(PasswordSettings settings) {
        this.settings = settings;
        init();
    }

    @PostConstruct
    void init() {
        decoy = hash(Secrets.random(16));
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        Secrets.secureRandom().nextBytes(salt);
        int m = settings.memoryKib();
        int t = settings.iterations();
        int p = settings.parallelism();
        byte[] hash = argon2(password, salt, m, t, p, HASH_BYTES);
        return "$argon2id$v=" + VERSION + "$m=" + m + ",t=" + t + ",p=" + p
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Checks a password against a stored hash with the parameters that hash was made with. */
    public boolean verify(String password, String encoded) {
        Optional<Phc> phc = parse(encoded);
        if (phc.isEmpty()) {
            return false;
        }
        Phc h = phc.get();
        try {
            return MessageDigest.isEqual(h.hash(), argon2(password, h.salt(), h.memoryKib(), h.iterations(), h.parallelism(), h.hash().length));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a stored hash was made otherwise than a new one would be (other memory, iterations,
     * parallelism, version or output length, or not a PHC Argon2id string at all), so it should be
     * replaced at the next successful sign-in.
     */
    public boolean needsRehash(String encoded) {
        return parse(encoded).map(h -> h.memoryKib() != settings.memoryKib() || h.iterations() != settings.iterations()
                || h.parallelism() != settings.parallelism() || h.hash().length != HASH_BYTES).orElse(true);
    }

    /** Burns the same time as verifying a current hash, for unknown usernames. */
    public void verifyDecoy(String password) {
        verify(password, decoy);
    }

    /** Parses {@code $argon2id$v=19$m=M,t=T,p=P$salt$hash} (PHC string format); empty if it is anything else. */
    private static Optional<Phc> parse(String encoded) {
        try {
            String[] parts = encoded.split("\\$");
            if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !("v=" + VERSION).equals(parts[2])) {
                return Optional.empty();
            }
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                if (kv.length() < 3 || kv.charAt(1) != '=') {
                    return Optional.empty();
                }
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = v;
                    case 't' -> t = v;
                    case 'p' -> p = v;
                    default -> { return Optional.empty(); }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] hash = B64D.decode(parts[5]);
            if (m <= 0 || t <= 0 || p <= 0 || salt.length == 0 || hash.length < 4) {
                return Optional.empty();
            }
            return Optional.of(new Phc(m, t, p, salt, hash));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
