package org.gatehouse.throttle;

import org.gatehouse.platform.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Observes;
import org.gatehouse.config.RegistrationSettings;
import org.gatehouse.config.ThrottleSettings;
import org.gatehouse.platform.Heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications and tells when a subject must wait (package-info). Each failure
 * is counted in its own transaction under a row lock, so concurrent failures on any node of a
 * cluster are all counted. The check before an attempt reads memory: the blocks in force, which
 * this node learns at once from its own counting and from every other node's within a second
 * ({@link Heartbeat}), like the revocation list. Should more than {@link #MAX_IN_MEMORY} subjects be
 * blocked at once, checks read the database instead (one read by primary key), so memory stays bounded.
 */
@ApplicationScoped
public class Throttle {

    /** What is counted. */
    public enum Kind {
        /** Failed sign-ins for one username (known or not: the same answer for both). */
        ACCOUNT,
        /** Failed sign-ins from one client address. */
        SIGN_IN_ADDRESS,
        /** Failed client authentications from one client address. */
        CLIENT_ADDRESS,
        /** Client registrations (RFC 7591, registration package) from one client address: every one counts. */
        REGISTRATION_ADDRESS
    }

    /** A subject to check or count: a username or a client address. */
    public record Subject(Kind kind, String value) {
        public Subject {
            value = value == null ? "" : StoredText.withoutNul(value);
            if (value.length() > 128) {
                value = value.substring(0, 128); // callers cap usernames and addresses before; never a key overflow
            }
        }
    }

    /** The outcome of counting a failure: blocked until, and whether this failure started the block. */
    public record Counted(Optional<Instant> blockedUntil, boolean blockStarted) {
    }

    static final int MAX_IN_MEMORY = 100_000;

    @PersistenceContext
    EntityManager em;

    /** Key → end of its block, for the blocks in force (complete unless {@link #overflow}). */
    private volatile Map<String, Instant> blocks = new ConcurrentHashMap<>();
    private volatile boolean overflow;
    private volatile boolean loaded;

    @Inject
    ThrottleSettings settings;

    @Inject
    RegistrationSettings registration;

    @Inject
    Clock clock;

    /** The latest time until which any of these subjects is blocked, if one is. */
    public Optional<Instant> blockedUntil(Subject... subjects) {
        Instant now = clock.instant();
        if (!loaded) {
            load(now);
        }
        Optional<Instant> latest = Optional.empty();
        for (Subject s : subjects) {
            String key = ThrottleEntry.key(s.kind(), s.value());
            Optional<Instant> until;
            if (overflow) {
                ThrottleEntry e = em.find(ThrottleEntry.class, key);
                until = e == null ? Optional.empty() : e.blockedAt(now);
            } else {
                until = Optional.ofNullable(blocks.get(key)).filter(t -> t.isAfter(now));
            }
            if (until.isPresent() && (latest.isEmpty() || until.get().isAfter(latest.get()))) {
                latest = until;
            }
        }
        return latest;
    }

    /**
     * Counts a failure of each subject and blocks those that reached their limit: an account
     * waits 1 s, 2 s, 4 s … after its second, third, fourth failure and is locked for
     * {@code gatehouse.sign-in.lockout} at {@code gatehouse.sign-in.max-failures}; an address is
     * blocked for the lockout at its limit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Counted failed(Subject... subjects) {
        Instant now = clock.instant();
        Optional<Instant> latest = Optional.empty();
        boolean started = false;
        for (Subject s : subjects) {
            ThrottleEntry e = lockedEntry(s, now);
            boolean wasBlocked = e.blockedAt(now).isPresent();
            e.fail(now, settings.window());
            int limit = limit(s.kind());
            if (e.getFailures() >= limit) {
                e.blockUntil(now.plus(settings.lockout()));
                started |= !wasBlocked;
            } else if (s.kind() == Kind.ACCOUNT && e.getFailures() >= 2) {
                Duration delay = Duration.ofSeconds(1L << Math.min(e.getFailures() - 2, 20));
                e.blockUntil(now.plus(delay.compareTo(settings.lockout()) < 0 ? delay : settings.lockout()));
            }
            Optional<Instant> until = e.blockedAt(now);
            until.ifPresent(t -> blocks.put(e.getKey(), t));
            if (until.isPresent() && (latest.isEmpty() || until.get().isAfter(latest.get()))) {
                latest = until;
            }
        }
        return new Counted(latest, started);
    }

    /** A successful sign-in forgets the account's failures (never an address's: one good account proves little). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(Subject account) {
        // One statement, no read first: most sign-ins have no row to delete.
        em.createQuery("delete from ThrottleEntry e where e.key = :k")
                .setParameter("k", ThrottleEntry.key(account.kind(), account.value())).executeUpdate();
    }

    /** Every subject with failures counted in the current window or a block in force, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ThrottleEntry> active(Kind kind, int max) {
        Instant now = clock.instant();
        return em.createQuery("select e from ThrottleEntry e where e.kind = :k and (e.lastFailureAt > :since"
                        + " or e.blockedUntil > :now) order by e.lastFailureAt desc", ThrottleEntry.class)
                .setParameter("k", kind).setParameter("since", now.minus(settings.window())).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    /** What is counted for one subject now, if anything. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ThrottleEntry> find(Subject subject) {
        Instant now = clock.instant();
        return Optional.ofNullable(em.find(ThrottleEntry.class, ThrottleEntry.key(subject.kind(), subject.value())))
                .filter(e -> e.getLastFailureAt().plus(settings.window()).isAfter(now) || e.blockedAt(now).isPresent());
    }

    /** An administrator lifts a block and forgets the failures. */
    @Transactional
    public boolean clear(Subject subject) {
        blocks.remove(ThrottleEntry.key(subject.kind(), subject.value()));
        return em.createQuery("delete from ThrottleEntry e where e.key = :k")
                .setParameter("k", ThrottleEntry.key(subject.kind(), subject.value())).executeUpdate() > 0;
    }

    /** Drops rows whose window and block are both over (bootstrap.Housekeeping). */
    @Transactional
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from ThrottleEntry e where e.lastFailureAt < :since"
                        + " and (e.blockedUntil is null or e.blockedUntil < :now)")
                .setParameter("since", now.minus(settings.window())).setParameter("now", now).executeUpdate();
    }

    /** Every second: the blocks in force on any node (a cleared block disappears here too). */
    @Transactional
    void catchUp(@Observes Heartbeat.Beat beat) {
        load(beat.at());
    }

    private synchronized void load(Instant now) {
        List<Object[]> rows = em.createQuery("select e.key, e.blockedUntil from ThrottleEntry e where e.blockedUntil > :now",
                Object[].class).setParameter("now", now).setMaxResults(MAX_IN_MEMORY + 1).getResultList();
        Map<String, Instant> fresh = new ConcurrentHashMap<>();
        if (rows.size() <= MAX_IN_MEMORY) {
            rows.forEach(r -> fresh.put((String) r[0], (Instant) r[1]));
        }
        overflow = rows.size() > MAX_IN_MEMORY;
        blocks = fresh;
        loaded = true;
    }

    private int limit(Kind kind) {
        return switch (kind) {
            case ACCOUNT -> settings.accountFailures();
            case SIGN_IN_ADDRESS -> settings.addressFailures();
            case CLIENT_ADDRESS -> settings.clientFailures();
            case REGISTRATION_ADDRESS -> registration.maxPerAddress();
        };
    }

    /**
     * The subject's row under a write lock, created if missing. Two first failures of one subject at
     * once (on any nodes) both insert; the loser's flush fails its transaction, which cannot be
     * continued on PostgreSQL, so {@link Throttling} counts that failure again in a new transaction
     * that then finds and locks the winner's row.
     */
    private ThrottleEntry lockedEntry(Subject s, Instant now) {
        ThrottleEntry e = em.find(ThrottleEntry.class, ThrottleEntry.key(s.kind(), s.value()), LockModeType.PESSIMISTIC_WRITE);
        if (e != null) {
            return e;
        }
        e = new ThrottleEntry(s.kind(), s.value(), now);
        em.persist(e);
        em.flush();
        return e;
    }
}
