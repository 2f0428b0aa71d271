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

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditType type, String actor, String subject, String detail, String remoteAddress) {
        em.persist(new AuditEvent(clock.instant(), type.name(), actor, subject, detail, remoteAddress));
        LOG.info(() -> "audit " + type + " actor=" + LogSafe.of(actor, 100) + " subject=" + LogSafe.of(subject, 150));
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
