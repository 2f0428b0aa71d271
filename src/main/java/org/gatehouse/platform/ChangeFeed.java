package org.gatehouse.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a change made on one node reaches the caches of every node within about a second, through
 * the database all nodes share (so it works the same on one Payara Micro, a cluster, or WildFly):
 * {@link #publish} writes a row in the changing transaction and tells this node's caches at once
 * and again after the commit (so a reader racing the change cannot re-cache the old state); every
 * {@link Heartbeat} each node reads the rows written since its last look and fires
 * {@link Changed} for them. Observers evict; evicting twice is harmless, so the look back overlaps
 * by a few seconds to cover commits that finish late and clocks a little apart.
 */
@ApplicationScoped
public class ChangeFeed {

    /** A cache observing this evicts {@code key} when {@code topic} is its own. */
    public record Changed(String topic, String key) {
    }

    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final Duration KEEP = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Changed> changes;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry registry;

    private volatile Instant lookedAt;

    /** Records that {@code key} of {@code topic} changed; call it inside the changing transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String key) {
        em.persist(new ChangeEvent(topic, key, clock.instant()));
        Changed changed = new Changed(topic, key);
        changes.fire(changed);
        if (registry != null && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    changes.fire(changed);
                }
            });
        }
    }

    @Transactional
    void catchUp(@Observes Heartbeat.Beat beat) {
        Instant since = lookedAt == null ? beat.at() : lookedAt;
        List<ChangeEvent> rows = em.createQuery("select e from ChangeEvent e where e.occurredAt > :since", ChangeEvent.class)
                .setParameter("since", since.minus(OVERLAP)).setMaxResults(10_000).getResultList();
        rows.forEach(e -> changes.fire(new Changed(e.getTopic(), e.getKey())));
        lookedAt = beat.at();
    }

    /** Drops rows every node has long read. */
    @Transactional
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from ChangeEvent e where e.occurredAt < :t").setParameter("t", now.minus(KEEP)).executeUpdate();
    }
}
