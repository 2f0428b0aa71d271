package org.gatehouse.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Removes what has expired so tables do not grow without bound: parked authorization requests,
 * codes, refresh tokens and grants past their lifetime, and audit events older than a year.
 * Idempotent and safe to run on every node of a cluster at once.
 */
@Singleton
public class Purge {

    private static final Logger LOG = Logger.getLogger(Purge.class.getName());

    /** Revoked or expired grants are kept a day for the grants view and the revocation list. */
    static final Duration GRACE = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void purgeExpired() {
        Instant now = clock.instant();
        Instant old = now.minus(GRACE);
        int pending = delete("delete from PendingAuthorization p where p.expiresAt < :t", now);
        int codes = delete("delete from AuthorizationCode c where c.expiresAt < :t", old);
        int refresh = delete("delete from RefreshToken r where r.expiresAt < :t or r.revokedAt < :t or r.rotatedAt < :t", old);
        int grants = delete("delete from TokenGrant g where g.expiresAt < :t or g.revokedAt < :t", old);
        int audit = delete("delete from AuditEvent e where e.occurredAt < :t", now.minus(Duration.ofDays(365)));
        em.createQuery("update SigningKey k set k.status = :retired where k.status = :retiring and k.retiredAt < :t")
                .setParameter("retired", org.gatehouse.keys.SigningKey.Status.RETIRED)
                .setParameter("retiring", org.gatehouse.keys.SigningKey.Status.RETIRING)
                .setParameter("t", now).executeUpdate();
        if (pending + codes + refresh + grants + audit > 0) {
            LOG.info(() -> "Purged " + pending + " requests, " + codes + " codes, " + refresh + " refresh tokens, "
                    + grants + " grants, " + audit + " audit events");
        }
    }

    private int delete(String jpql, Instant t) {
        return em.createQuery(jpql).setParameter("t", t).executeUpdate();
    }
}
