package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The outcome of the start-up import, reported by the readiness check. */
@ApplicationScoped
public class ImportStatus {

    private volatile String failure;

    void failed(String message) {
        this.failure = message;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
