package org.gatehouse.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.gatehouse.platform.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who is signed in, for the admin console's Sessions view: the one owner of {@code browser_session}.
 * A row is written at sign-in ({@link #started}); the session's own requests move its
 * {@code last_seen_at} at most once every {@link #SEEN_EVERY} ({@link #seen}); it ends when the
 * HTTP session ends ({@link #ended}, from {@link SessionLifecycle}). A session is <em>active</em>
 * while it has not ended, was seen within the idle time-out and its account still has the
 * security stamp it signed in with: "sign this user out", disabling the account or a new password
 * change the stamp and so end every session of the account on every node at once (see
 * {@link SessionCaller}) and take them off the list in the same moment, without touching the rows.
 * Nothing here is needed to authenticate a request: a database outage leaves sign-in and pages working.
 */
@ApplicationScoped
public class BrowserSessions {

    /** How often a session's requests record that it is still in use. */
    public static final Duration SEEN_EVERY = Duration.ofMinutes(1);
    /** Ended and idle rows are kept this long, then housekeeping removes them. */
    static final Duration KEEP = Duration.ofDays(1);
    static final int MAX_USER_AGENT = 200;
    static final int MAX_ADDRESS = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The idle time-out of this application's HTTP sessions (web.xml), set at deployment. */
    private volatile Duration idleTimeout = Duration.ofMinutes(30);

    void idleTimeout(Duration timeout) {
        if (timeout != null && !timeout.isNegative() && !timeout.isZero()) {
            this.idleTimeout = timeout;
        }
    }

    /** A session just signed in: returns the handle the HTTP session keeps to refer to its row. */
    @Transactional
    public String started(AccountView account, String address, String userAgent) {
        String id = Secrets.random(24);
        em.persist(new BrowserSession(id, account.id(), account.securityStamp(), clock.instant(), cut(address, MAX_ADDRESS),
                cut(userAgent, MAX_USER_AGENT)));
        return id;
    }

    /** The session is in use (a row that ended when a node stopped comes back: the session outlived it). */
    @Transactional
    public void seen(String id) {
        em.createQuery("update BrowserSession s set s.lastSeenAt = :now, s.endedAt = null where s.id = :id")
                .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate();
    }

    /** The HTTP session ended (signed out, timed out, invalidated). */
    @Transactional
    public void ended(String id) {
        em.createQuery("update BrowserSession s set s.endedAt = :now where s.id = :id and s.endedAt is null")
                .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate();
    }

    /** An active session with its account's username. */
    public record Active(BrowserSession session, String username) {
    }

    /**
     * Active sessions, most recently seen first; {@code usernameLike} (a lower-case LIKE pattern
     * with {@code \} as escape, or null for all) narrows them to matching usernames.
     */
    public List<Active> active(String usernameLike, int first, int max) {
        List<Object[]> rows = bind(em.createQuery("select s, a.username from BrowserSession s, Account a" + where(usernameLike)
                + " order by s.lastSeenAt desc, s.id", Object[].class), usernameLike)
                .setFirstResult(first).setMaxResults(max).getResultList();
        return rows.stream().map(r -> new Active((BrowserSession) r[0], (String) r[1])).toList();
    }

    public long countActive(String usernameLike) {
        return bind(em.createQuery("select count(s) from BrowserSession s, Account a" + where(usernameLike), Long.class),
                usernameLike).getSingleResult();
    }

    private static String where(String usernameLike) {
        return " where a.id = s.accountId and s.endedAt is null and s.lastSeenAt > :cut and a.enabled = true"
                + " and a.securityStamp = s.securityStamp" + (usernameLike == null ? "" : " and lower(a.username) like :q escape '\\'");
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, String usernameLike) {
        // seen at most once a minute: a session used a minute ago may show its last mark from two
        query.setParameter("cut", clock.instant().minus(idleTimeout).minus(SEEN_EVERY));
        return usernameLike == null ? query : query.setParameter("q", usernameLike);
    }

    /** An account is being deleted: its rows go with it. */
    @Transactional
    public int forgetAllForAccount(long accountId) {
        return em.createQuery("delete from BrowserSession s where s.accountId = :a").setParameter("a", accountId).executeUpdate();
    }

    /** Removes rows that ended or went idle more than a day ago. */
    @Transactional
    public int purgeExpired(Instant now) {
        Instant horizon = now.minus(KEEP);
        return em.createQuery("delete from BrowserSession s where s.endedAt < :h or s.lastSeenAt < :h")
                .setParameter("h", horizon).executeUpdate();
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
