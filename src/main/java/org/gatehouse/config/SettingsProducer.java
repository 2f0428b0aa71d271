package org.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads every {@code gatehouse.*} setting from MicroProfile Config once and hands out typed,
 * immutable holders. Defaults live in {@code META-INF/microprofile-config.properties} and the
 * README's configuration table; any of them can be overridden by a system property or an
 * environment variable ({@code gatehouse.token.access-ttl} → {@code GATEHOUSE_TOKEN_ACCESS_TTL}).
 */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    Config config;

    @Produces
    @Singleton
    ServerSettings server() {
        return new ServerSettings(string("gatehouse.issuer", "http://localhost:8080"),
                Path.of(string("gatehouse.data-dir", "data")));
    }

    @Produces
    @Singleton
    TokenSettings tokens(ServerSettings server) {
        return new TokenSettings(
                duration("gatehouse.code.ttl", "PT60S"),
                duration("gatehouse.authorization-request.ttl", "PT10M"),
                duration("gatehouse.token.access-ttl", "PT10M"),
                duration("gatehouse.token.refresh-ttl", "P14D"),
                duration("gatehouse.token.refresh-family-ttl", "P90D"),
                optional("gatehouse.token.audience").orElse(server.baseUrl() + "/api"),
                Boolean.parseBoolean(string("gatehouse.pkce.required-for-confidential", "true")),
                duration("gatehouse.token.refresh-reuse-grace", "PT0S"));
    }

    @Produces
    @Singleton
    BootstrapSettings bootstrap() {
        return new BootstrapSettings(
                string("gatehouse.admin.username", "admin"),
                optional("gatehouse.admin.password"),
                optional("gatehouse.import").map(Path::of),
                Boolean.parseBoolean(string("gatehouse.playground.enabled", "true")));
    }

    @Produces
    @Singleton
    KeySettings keys() {
        return new KeySettings(optional("gatehouse.keys.encryption-key"), duration("gatehouse.keys.refresh", "PT30S"),
                duration("gatehouse.keys.publish-lead", "PT0S"), algorithm("gatehouse.keys.algorithm", "RS256"));
    }

    @Produces
    @Singleton
    PasswordSettings passwords() {
        return new PasswordSettings(integer("gatehouse.password.argon2.memory-kib", "19456"),
                integer("gatehouse.password.argon2.iterations", "2"),
                integer("gatehouse.password.argon2.parallelism", "1"));
    }

    @Produces
    @Singleton
    ThrottleSettings throttle() {
        return new ThrottleSettings(integer("gatehouse.sign-in.max-failures", "5"),
                integer("gatehouse.sign-in.max-failures-per-address", "30"),
                integer("gatehouse.client-auth.max-failures-per-address", "20"),
                duration("gatehouse.sign-in.failure-window", "PT15M"),
                duration("gatehouse.sign-in.lockout", "PT15M"));
    }

    @Produces
    @Singleton
    RegistrationSettings registration() {
        return new RegistrationSettings(RegistrationSettings.Mode.of(string("gatehouse.registration.mode", "off")),
                integer("gatehouse.registration.max-per-address", "10"),
                integer("gatehouse.registration.max-clients", "1000"));
    }

    @Produces
    @Singleton
    ShutdownSettings shutdown() {
        return new ShutdownSettings(duration("gatehouse.shutdown.drain", "PT5S"), duration("gatehouse.shutdown.timeout", "PT20S"));
    }

    /** The one clock every time-dependent rule reads (docs/architecture.md, "Conventions"). */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    private String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    private Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private int integer(String key, String fallback) {
        String value = string(key, fallback);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not " + value);
        }
    }

    /** A JWS algorithm name, case-sensitive as in RFC 7515 §4.1.1. */
    private KeySettings.Algorithm algorithm(String key, String fallback) {
        String value = string(key, fallback);
        for (KeySettings.Algorithm a : KeySettings.Algorithm.values()) {
            if (a.name().equals(value)) {
                return a;
            }
        }
        String why = value.equalsIgnoreCase("EdDSA") || value.equalsIgnoreCase("Ed25519")
                ? " (EdDSA needs Google Tink, which Gatehouse does not ship)" : "";
        throw new IllegalArgumentException(key + " must be one of " + Arrays.toString(KeySettings.Algorithm.values())
                + ", not " + value + why);
    }

    private Duration duration(String key, String fallback) {
        String value = string(key, fallback);
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT10M, not " + value);
        }
    }
}
