package org.gatehouse.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.gatehouse.platform.LogSafe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Records admin actions and security events. Security events are written in their own
 * transaction so that a failed request (rolled back) still leaves its trace.
 */
@ApplicationScoped
public class AuditLog {

    /**
     * The dedicated audit logger: one line per event, the message a JSON object of the schema in
     * {@link #json} (README, "Audit log as JSON lines"). Route or silence it by this name.
     */
    public static final String LOGGER = "gatehouse.audit";
    /** Version of the JSON schema below: raised only when a field changes meaning or is removed. */
    public static final int SCHEMA_VERSION = 1;
    private static final Logger EVENTS = Logger.getLogger(LOGGER);

    @PersistenceContext
    EntityManager em;

    @Inject
    org.gatehouse.metrics.Metrics metrics;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditType type, String actor, String subject, String detail, String remoteAddress) {
        AuditEvent event = new AuditEvent(clock.instant(), type.name(), actor, subject, detail, remoteAddress);
        em.persist(event);
        EVENTS.info(() -> json(event));
        switch (type) {
            case CODE_REPLAY -> metrics.codeReplay();
            case REFRESH_REUSE -> metrics.refreshReuse();
            default -> { }
        }
    }

    /**
     * One event as one JSON object on one line:
     * {@code {"audit":1,"time":"2026-12-02T10:42:07.123Z","type":"SIGN_IN_FAILED","actor":"alice",
     * "subject":"...","address":"192.0.2.10","detail":"..."}}: {@code audit} is the schema version,
     * {@code time} the instant recorded (ISO-8601, UTC), {@code type} an {@link AuditType} name,
     * {@code actor} who acted (a username, a client id, {@code system}), {@code subject} what it
     * concerned, {@code address} the client address (null when there was no request), {@code detail}
     * free text; absent values are {@code null}, never left out. Values are those stored in the
     * database (capped to their columns), with every character that could end the string or the line
     * escaped ({@link LogSafe#json}): a username with CR, LF or quotes cannot forge a second event.
     */
    public static String json(AuditEvent e) {
        return "{\"audit\":" + SCHEMA_VERSION
                + ",\"time\":" + LogSafe.json(e.getOccurredAt() == null ? null : e.getOccurredAt().toString(), 40)
                + ",\"type\":" + LogSafe.json(e.getType(), 60)
                + ",\"actor\":" + LogSafe.json(e.getActor(), 200)
                + ",\"subject\":" + LogSafe.json(e.getSubject(), 300)
                + ",\"address\":" + LogSafe.json(e.getRemoteAddress(), 100)
                + ",\"detail\":" + LogSafe.json(e.getDetail(), 2000)
                + "}";
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditType type, String actor, String subject, String detail) {
        record(type, actor, subject, detail, null);
    }

    /** Drops events older than a year. */
    @Transactional
    public int purgeExpired(java.time.Instant now) {
        return em.createQuery("delete from AuditEvent e where e.occurredAt < :t")
                .setParameter("t", now.minus(java.time.Duration.ofDays(365))).executeUpdate();
    }

    /** Newest first, optionally filtered by type and by a text contained in actor or subject. */
    public List<AuditEvent> search(String type, String text, int first, int max) {
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (type != null && !type.isBlank()) {
            params.add(type);
            jpql.append(" and e.type = ?").append(params.size());
        }
        if (text != null && !text.isBlank()) {
            params.add("%" + text.toLowerCase() + "%");
            jpql.append(" and (lower(e.actor) like ?").append(params.size())
                    .append(" or lower(e.subject) like ?").append(params.size()).append(")");
        }
        TypedQuery<AuditEvent> query = em.createQuery(jpql.append(" order by e.id desc").toString(), AuditEvent.class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }
}
