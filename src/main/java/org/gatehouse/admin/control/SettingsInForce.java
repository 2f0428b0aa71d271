package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.config.KeySettings;
import org.gatehouse.config.PasswordSettings;
import org.gatehouse.config.RegistrationSettings;
import org.gatehouse.config.ThrottleSettings;
import org.gatehouse.config.TokenSettings;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The settings operators change most often, as this server runs with them, for the console's
 * overview: read-only, each with the MicroProfile Config property and the environment variable
 * that set it (README, "Configuration"). Changing one means setting it there and restarting.
 */
@ApplicationScoped
public class SettingsInForce {

    /** One setting: what it is, its value in words, and where it is set ({@code property} null: fixed). */
    public record Row(String label, String value, String property) implements Serializable {
        /** The environment variable MicroProfile Config maps to the property (non-alphanumerics to '_', upper case). */
        public String getEnvironment() {
            return property == null ? "" : property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        }
        // Faces EL 5 reads bean getters, not record accessors
        public String getLabel() { return label; }
        public String getValue() { return value; }
        public String getProperty() { return property == null ? "" : property; }
    }

    @Inject
    TokenSettings tokens;

    @Inject
    PasswordSettings passwords;

    @Inject
    ThrottleSettings throttle;

    @Inject
    RegistrationSettings registration;

    @Inject
    KeySettings keys;

    public List<Row> rows() {
        return List.of(
                new Row("Authorization code lifetime", words(tokens.codeTtl()), "gatehouse.code.ttl"),
                new Row("Access token lifetime (clients may override)", words(tokens.accessTokenTtl()), "gatehouse.token.access-ttl"),
                new Row("Refresh token lifetime", words(tokens.refreshTokenTtl()), "gatehouse.token.refresh-ttl"),
                new Row("Refresh token family, absolute", words(tokens.refreshFamilyTtl()), "gatehouse.token.refresh-family-ttl"),
                new Row("Rotated refresh token grace", tokens.refreshReuseGrace().isZero() ? "off" : words(tokens.refreshReuseGrace()),
                        "gatehouse.token.refresh-reuse-grace"),
                new Row("PKCE for confidential clients", tokens.pkceForConfidential() ? "required" : "optional",
                        "gatehouse.pkce.required-for-confidential"),
                new Row("Password length", "at least " + AccountAdmin.MIN_PASSWORD + ", at most 200 characters", null),
                new Row("Password hash", "argon2id, " + passwords.memoryKib() + " KiB, " + passwords.iterations() + " iterations, "
                        + passwords.parallelism() + " lane(s)", "gatehouse.password.argon2.memory-kib"),
                new Row("Sign-in lockout", throttle.accountFailures() + " failures per username within " + words(throttle.window())
                        + " lock it for " + words(throttle.lockout()), "gatehouse.sign-in.max-failures"),
                new Row("Client registration (RFC 7591)", registration.mode().setting(), "gatehouse.registration.mode"),
                new Row("Algorithm of new signing keys", keys.algorithm().name(), "gatehouse.keys.algorithm"));
    }

    /** A duration as people say it: "60 seconds", "10 minutes", "90 days". */
    static String words(Duration d) {
        long s = d.getSeconds();
        if (s != 0 && s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s != 0 && s % 3_600 == 0) {
            return plural(s / 3_600, "hour");
        }
        if (s != 0 && s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
