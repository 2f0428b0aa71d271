package org.gatehouse.config;

import java.time.Duration;

/**
 * Brute-force protection (the {@code throttle} package). Failures are counted within a window;
 * a count that reaches its limit blocks the subject for {@code lockout}.
 *
 * @param accountFailures  {@code gatehouse.sign-in.max-failures}: failed sign-ins for one username
 *                         before it is locked, default 5 (between 1 and 10). From the second failure
 *                         on, each next attempt must wait twice as long as the one before (1 s, 2 s,
 *                         4 s, …), so a guesser gets a handful of tries per lockout.
 * @param addressFailures  {@code gatehouse.sign-in.max-failures-per-address}: failed sign-ins from one
 *                         client address (any usernames) before that address is blocked, default 30.
 * @param clientFailures   {@code gatehouse.client-auth.max-failures-per-address}: failed client
 *                         authentications at the token, revocation and introspection endpoints from
 *                         one client address before that address is answered 429, default 20.
 * @param window           {@code gatehouse.sign-in.failure-window}: failures older than this are
 *                         forgotten, default PT15M.
 * @param lockout          {@code gatehouse.sign-in.lockout}: how long a subject that reached its
 *                         limit stays blocked, default PT15M.
 */
public record ThrottleSettings(int accountFailures, int addressFailures, int clientFailures,
                               Duration window, Duration lockout) {

    public ThrottleSettings {
        if (accountFailures < 1 || accountFailures > 10) {
            throw new IllegalArgumentException("gatehouse.sign-in.max-failures must be between 1 and 10, not " + accountFailures);
        }
        if (addressFailures < 1) {
            throw new IllegalArgumentException("gatehouse.sign-in.max-failures-per-address must be at least 1");
        }
        if (clientFailures < 1) {
            throw new IllegalArgumentException("gatehouse.client-auth.max-failures-per-address must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("gatehouse.sign-in.failure-window and gatehouse.sign-in.lockout must be positive");
        }
    }

    public static ThrottleSettings defaults() {
        return new ThrottleSettings(5, 30, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }
}
