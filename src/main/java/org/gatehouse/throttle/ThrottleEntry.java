package org.gatehouse.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** The failures counted for one subject (a username, or a client address) of one kind. */
@Entity
@Table(name = "auth_throttle")
public class ThrottleEntry {

    @Id
    @Column(name = "throttle_key")
    private String key;

    @Enumerated(EnumType.STRING)
    private Throttle.Kind kind;

    private String subject;

    private int failures;

    @Column(name = "first_failure_at")
    private Instant firstFailureAt;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected ThrottleEntry() {
    }

    ThrottleEntry(Throttle.Kind kind, String subject, Instant now) {
        this.key = key(kind, subject);
        this.kind = kind;
        this.subject = subject;
        this.firstFailureAt = now;
        this.lastFailureAt = now;
    }

    static String key(Throttle.Kind kind, String subject) {
        return kind.name() + ":" + subject;
    }

    /** Counts one failure; failures older than the window are forgotten first. */
    void fail(Instant now, java.time.Duration window) {
        if (lastFailureAt != null && lastFailureAt.plus(window).isBefore(now)) {
            failures = 0;
            firstFailureAt = now;
        }
        failures++;
        lastFailureAt = now;
    }

    void blockUntil(Instant until) {
        if (blockedUntil == null || until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    /** When the block in force at {@code now} ends, if one is. */
    public Optional<Instant> blockedAt(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now) ? Optional.of(blockedUntil) : Optional.empty();
    }

    String getKey() { return key; }
    public Throttle.Kind getKind() { return kind; }
    public String getSubject() { return subject; }
    public int getFailures() { return failures; }
    public Instant getFirstFailureAt() { return firstFailureAt; }
    public Instant getLastFailureAt() { return lastFailureAt; }
    public Instant getBlockedUntil() { return blockedUntil; }
}
