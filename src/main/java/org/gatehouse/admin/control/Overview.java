package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.gatehouse.grant.Grants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The numbers on the console's front page: one count query each. */
@ApplicationScoped
public class Overview {

    @PersistenceContext
    EntityManager em;

    @Inject
    org.gatehouse.user.BrowserSessions sessions;

    @Inject
    Clock clock;

    @Inject
    Grants grants;

    public long clients() { return count("select count(c) from Client c"); }
    public long accounts() { return count("select count(a) from Account a"); }
    public long disabledAccounts() { return count("select count(a) from Account a where a.enabled = false"); }
    public long scopes() { return count("select count(s) from Scope s"); }

    public long liveGrants() {
        return grants.countAllLive();
    }

    public long signedInSessions() {
        return sessions.countActive(null);
    }

    public long publishedKeys() {
        return em.createQuery("select count(k) from SigningKey k where k.status = org.gatehouse.keys.SigningKey.Status.ACTIVE"
                        + " or (k.status = org.gatehouse.keys.SigningKey.Status.RETIRING and k.retiredAt > :now)", Long.class)
                .setParameter("now", clock.instant()).getSingleResult();
    }

    /** Security events of the last day: failed sign-ins, client authentication failures, replays. */
    public long securityEventsLastDay() {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        return em.createQuery("select count(e) from AuditEvent e where e.occurredAt > :since and e.type in"
                        + " ('SIGN_IN_FAILED', 'CLIENT_AUTH_FAILED', 'CODE_REPLAY', 'REFRESH_REUSE')", Long.class)
                .setParameter("since", since).getSingleResult();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}
