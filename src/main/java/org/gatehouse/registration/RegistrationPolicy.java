package org.gatehouse.registration;

import org.gatehouse.platform.StoredText;
import org.gatehouse.config.RegistrationSettings;
import org.gatehouse.error.OAuthException;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may register or manage a client, decided before any metadata is read (package-info). Pure,
 * so every mode is tested without a server (the integration suite runs one mode).
 */
final class RegistrationPolicy {

    /** The longest bearer token looked at; longer ones are no token of ours. */
    static final int MAX_TOKEN = 256;

    private RegistrationPolicy() {
    }

    /** Refuses a registration the mode does not allow: off, or initial-token without a token. */
    static void admit(RegistrationSettings.Mode mode, Optional<String> initialToken) {
        switch (mode) {
            case OFF -> throw off();
            case INITIAL_TOKEN -> {
                if (initialToken.isEmpty()) {
                    throw OAuthException.invalidToken("An initial access token is required to register a client");
                }
            }
            case OPEN -> {
                // anyone may register, within the per-address limit and the ceiling
            }
        }
    }

    /** Whether the mode needs an initial access token (RFC 7591 §3). */
    static boolean needsInitialToken(RegistrationSettings.Mode mode) {
        return mode == RegistrationSettings.Mode.INITIAL_TOKEN;
    }

    /** RFC 7592 reads, updates and deletes exist only while registration is on. */
    static void manageable(RegistrationSettings.Mode mode) {
        if (mode == RegistrationSettings.Mode.OFF) {
            throw off();
        }
    }

    /** Refuses a registration beyond the ceiling of self-registered clients. */
    static void withinCeiling(long selfRegistered, int maxClients) {
        if (selfRegistered >= maxClients) {
            throw OAuthException.accessDenied("This server accepts no more self-registered clients");
        }
    }

    /** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1), if there is a plausible one. */
    static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() > MAX_TOKEN + 7
                || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() || token.indexOf(' ') >= 0 || StoredText.hasNul(token) ? Optional.empty() : Optional.of(token);
    }

    private static OAuthException off() {
        return OAuthException.accessDenied("Client registration is not enabled on this server");
    }
}
