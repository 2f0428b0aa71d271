package org.gatehouse.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Argon2id password hashing (RFC 9106 §3.1), at no less than the strength the OWASP Password
 * Storage Cheat Sheet asks for. New hashes use these parameters; a stored hash made with other
 * parameters still verifies and is re-hashed with these at the account's next sign-in.
 *
 * @param memoryKib   {@code gatehouse.password.argon2.memory-kib}: memory per hash in KiB, default
 *                    19456 (19 MiB).
 * @param iterations  {@code gatehouse.password.argon2.iterations}: passes over the memory, default 2.
 * @param parallelism {@code gatehouse.password.argon2.parallelism}: lanes, default 1 (at least 1).
 */
public record PasswordSettings(int memoryKib, int iterations, int parallelism) {

    /** One of OWASP's equally strong Argon2id choices (each with p=1). */
    public record Minimum(int memoryKib, int iterations) {
        @Override
        public String toString() {
            return "m=" + memoryKib + ",t=" + iterations;
        }
    }

    /** The OWASP Password Storage Cheat Sheet's Argon2id choices: 47 MiB/1, 19/2, 12/3, 9/4, 7/5. */
    public static final List<Minimum> OWASP_MINIMUMS = List.of(new Minimum(47 * 1024, 1), new Minimum(19 * 1024, 2),
            new Minimum(12 * 1024, 3), new Minimum(9 * 1024, 4), new Minimum(7 * 1024, 5));

    /** Refuses parameters weaker than every OWASP choice: (m, t) must reach some (M, T) in both. */
    public PasswordSettings {
        if (OWASP_MINIMUMS.stream().noneMatch(min -> memoryKib >= min.memoryKib() && iterations >= min.iterations())) {
            throw new IllegalArgumentException("gatehouse.password.argon2.memory-kib=" + memoryKib
                    + " with gatehouse.password.argon2.iterations=" + iterations + " is weaker than the OWASP Argon2id minimums;"
                    + " reach at least one of " + OWASP_MINIMUMS.stream().map(Minimum::toString)
                    .collect(Collectors.joining("; ")) + " (memory in KiB)");
        }
        if (parallelism < 1 || parallelism > 0xFFFFFF) {
            throw new IllegalArgumentException("gatehouse.password.argon2.parallelism must be between 1 and 16777215, not "
                    + parallelism);
        }
        if (memoryKib < 8L * parallelism) {
            throw new IllegalArgumentException("gatehouse.password.argon2.memory-kib must be at least 8 times"
                    + " gatehouse.password.argon2.parallelism (RFC 9106 §3.1)");
        }
    }

    /** The defaults, OWASP's first recommendation: m=19 MiB, t=2, p=1. */
    public static PasswordSettings defaults() {
        return new PasswordSettings(19 * 1024, 2, 1);
    }
}
