package org.gatehouse.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * Dynamic client registration (RFC 7591, RFC 7592; the {@code registration} package).
 *
 * @param mode            {@code gatehouse.registration.mode}: {@code off} (default: no endpoint,
 *                        nothing in the metadata), {@code open} (anyone may register a client) or
 *                        {@code initial-token} (a registration needs an initial access token an
 *                        administrator created, RFC 7591 §3).
 * @param maxPerAddress   {@code gatehouse.registration.max-per-address}: registrations from one
 *                        client address (an IPv6 address counted by its /64) within
 *                        {@code gatehouse.sign-in.failure-window} before that address is answered
 *                        429 for {@code gatehouse.sign-in.lockout}; default 10.
 * @param maxClients      {@code gatehouse.registration.max-clients}: the most self-registered
 *                        clients the server keeps at once; further registrations are refused until
 *                        some are deleted. Default 1000.
 */
public record RegistrationSettings(Mode mode, int maxPerAddress, int maxClients) {

    /** Whether and how clients may register themselves. */
    public enum Mode {
        OFF("off"), OPEN("open"), INITIAL_TOKEN("initial-token");

        private final String setting;

        Mode(String setting) {
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }

        /** The mode a setting names, case-insensitive. */
        public static Mode of(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(m -> m.setting.equals(v)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("gatehouse.registration.mode must be off, open or initial-token, not " + value));
        }
    }

    public RegistrationSettings {
        if (maxPerAddress < 1) {
            throw new IllegalArgumentException("gatehouse.registration.max-per-address must be at least 1");
        }
        if (maxClients < 0) {
            throw new IllegalArgumentException("gatehouse.registration.max-clients must not be negative");
        }
    }

    public boolean enabled() {
        return mode != Mode.OFF;
    }

    public static RegistrationSettings defaults() {
        return new RegistrationSettings(Mode.OFF, 10, 1000);
    }
}
