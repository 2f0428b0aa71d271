package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.keys.SigningKey;
import org.gatehouse.keys.SigningKeys;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Lists the signing keys and rotates them (RFC 7517 key rollover, done by {@link SigningKeys}). */
@ApplicationScoped
public class KeyAdmin {

    /** A key as the page shows it: never the (encrypted) private part. */
    public static final class Row implements Serializable {
        private final String kid;
        private final String alg;
        private final String status;
        private final boolean published;
        private final Instant createdAt;
        private final Instant retiresAt;

        Row(SigningKey k, Instant now) {
            this.kid = k.getKid();
            this.alg = k.getAlg();
            this.createdAt = k.getCreatedAt();
            this.retiresAt = k.getRetiredAt();
            boolean expired = k.getStatus() == SigningKey.Status.RETIRING && k.getRetiredAt() != null && now.isAfter(k.getRetiredAt());
            this.status = expired ? SigningKey.Status.RETIRED.name() : k.getStatus().name();
            this.published = !expired && k.getStatus() != SigningKey.Status.RETIRED;
        }

        public String getKid() { return kid; }
        public String getAlg() { return alg; }
        public String getStatus() { return status; }
        public boolean isPublished() { return published; }
        public Instant getCreatedAt() { return createdAt; }
        public Instant getRetiresAt() { return retiresAt; }
    }

    @Inject
    SigningKeys keys;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<Row> all() {
        Instant now = clock.instant();
        return keys.all().stream().map(k -> new Row(k, now)).toList();
    }

    /** A new key signs from now on; the previous one stays published until its tokens have expired. */
    public String rotate(Actor actor) {
        List<String> previous = keys.all().stream().filter(k -> k.getStatus() == SigningKey.Status.ACTIVE)
                .map(SigningKey::getKid).toList();
        String kid = keys.rotate();
        audit.record(AuditType.KEY_ROTATED, actor.username(), kid, "previous=" + String.join(" ", previous), actor.address());
        return kid;
    }
}
