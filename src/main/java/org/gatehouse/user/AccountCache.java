package org.gatehouse.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.platform.BoundedCache;
import org.gatehouse.platform.ChangeFeed;

import java.time.Duration;
import java.util.Optional;

/**
 * Account snapshots for the hot paths — a bearer call to {@code /api/me}, a token grant, the
 * signed-in check of every page — from a bounded cache instead of a query each time. Every
 * change to an account goes through {@link #changed}: evicted here at once and, through the
 * {@link ChangeFeed}, on every other node within about a second (so a disabled account stops
 * everywhere); the age limit is only a backstop.
 */
@ApplicationScoped
public class AccountCache {

    static final String TOPIC = "account";

    /** Subjects are opaque random identifiers of this length at most (the {@code account.subject} column). */
    private static final int MAX_SUBJECT_LENGTH = 64;

    private final BoundedCache<Long, AccountView> byId = new BoundedCache<>(10_000, Duration.ofMinutes(10));
    private final BoundedCache<String, Long> idsBySubject = new BoundedCache<>(10_000, Duration.ofHours(1));

    @PersistenceContext
    EntityManager em;

    @Inject
    ChangeFeed feed;

    public Optional<AccountView> byId(long id) {
        return byId.get(id, k -> Optional.ofNullable(em.find(Account.class, k)).map(AccountView::of));
    }

    /**
     * The account as the database has it now, bypassing (and refreshing) this node's snapshot:
     * for sign-in, so a session never starts from a snapshot older than the change feed's delay.
     */
    public Optional<AccountView> fresh(long id) {
        byId.evict(id);
        return byId(id);
    }

    /** The account with this subject ({@code sub} of its tokens); subjects never change. */
    public Optional<AccountView> bySubject(String subject) {
        if (subject == null || subject.length() > MAX_SUBJECT_LENGTH) {
            return Optional.empty();
        }
        return idsBySubject.get(subject, s -> em.createQuery("select a.id from Account a where a.subject = :s", Long.class)
                .setParameter("s", s).getResultStream().findFirst()).flatMap(this::byId);
    }

    /** Tells every node that the account was created, changed or deleted in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(long accountId) {
        feed.publish(TOPIC, Long.toString(accountId));
    }

    void evict(@Observes ChangeFeed.Changed change) {
        if (TOPIC.equals(change.topic())) {
            byId.evict(Long.parseLong(change.key()));
        }
    }
}
