package org.gatehouse.audit;

import org.gatehouse.platform.StoredText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One recorded admin action or security event: who, when, what. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "event_type")
    private String type;

    private String actor;

    private String subject;

    private String detail;

    @Column(name = "remote_address")
    private String remoteAddress;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String type, String actor, String subject, String detail, String remoteAddress) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.actor = truncate(actor, 200);
        this.subject = truncate(subject, 300);
        this.detail = truncate(detail, 2000);
        this.remoteAddress = truncate(remoteAddress, 100);
    }

    /** Capped to its column, NUL characters replaced (they come from requests; PostgreSQL refuses them in text). */
    private static String truncate(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = StoredText.withoutNul(s);
        return t.length() <= max ? t : t.substring(0, max);
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getType() { return type; }
    public String getActor() { return actor; }
    public String getSubject() { return subject; }
    public String getDetail() { return detail; }
    public String getRemoteAddress() { return remoteAddress; }
}
