package org.gatehouse.login;

import java.util.Optional;

/** Accepts only same-origin paths as a post-login destination (no open redirector). */
public final class SafeRedirects {

    private SafeRedirects() {
    }

    public static Optional<String> localPath(String candidate) {
        if (candidate == null || candidate.isBlank() || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(c -> c < 0x20)
                || candidate.startsWith("/login")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
