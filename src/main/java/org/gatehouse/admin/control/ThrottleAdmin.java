package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.throttle.Throttle;
import org.gatehouse.throttle.ThrottleEntry;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shows and lifts brute-force blocks (the throttle package): per username, per sign-in address
 * and per client-authentication address. Lifting one forgets its failures and is audited.
 */
@ApplicationScoped
public class ThrottleAdmin {

    private static final int MAX_ROWS = 200;

    @Inject
    Throttle throttle;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** One counted subject as the console shows it (getters: Jakarta EL 5 does not read record components). */
    public record Row(String kind, String kindLabel, String subject, int failures, Instant lastFailureAt,
                      Instant blockedUntil, boolean blocked) implements Serializable {
        public String getKind() { return kind; }
        public String getKindLabel() { return kindLabel; }
        public String getSubject() { return subject; }
        public int getFailures() { return failures; }
        public Instant getLastFailureAt() { return lastFailureAt; }
        public Instant getBlockedUntil() { return blockedUntil; }
        public boolean isBlocked() { return blocked; }
    }

    /** Every subject with failures in the current window or a block in force, blocked ones first. */
    public List<Row> active() {
        List<Row> rows = new ArrayList<>();
        for (Throttle.Kind kind : Throttle.Kind.values()) {
            throttle.active(kind, MAX_ROWS).forEach(e -> rows.add(row(e)));
        }
        rows.sort((a, b) -> a.blocked() != b.blocked() ? (a.blocked() ? -1 : 1) : b.lastFailureAt().compareTo(a.lastFailureAt()));
        return rows;
    }

    /** The failures counted for one username, if any. */
    public Optional<Row> forUsername(String username) {
        return throttle.find(new Throttle.Subject(Throttle.Kind.ACCOUNT, username)).map(this::row);
    }

    public boolean clear(String kind, String subject, Actor actor) {
        Throttle.Kind k;
        try {
            k = Throttle.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        boolean cleared = throttle.clear(new Throttle.Subject(k, subject));
        if (cleared) {
            audit.record(AuditType.THROTTLE_CLEARED, actor.username(), subject, label(k), actor.address());
        }
        return cleared;
    }

    private Row row(ThrottleEntry e) {
        boolean blocked = e.blockedAt(clock.instant()).isPresent();
        return new Row(e.getKind().name(), label(e.getKind()), e.getSubject(), e.getFailures(), e.getLastFailureAt(),
                blocked ? e.getBlockedUntil() : null, blocked);
    }

    private static String label(Throttle.Kind kind) {
        return switch (kind) {
            case ACCOUNT -> "username";
            case SIGN_IN_ADDRESS -> "sign-in address";
            case CLIENT_ADDRESS -> "client authentication address";
            case REGISTRATION_ADDRESS -> "client registration address";
        };
    }
}
