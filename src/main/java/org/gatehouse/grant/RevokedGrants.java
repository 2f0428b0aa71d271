package org.gatehouse.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.platform.Heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grants revoked while access tokens issued under them may still be unexpired, in memory:
 * access tokens are self-contained JWTs, and this list is what lets a revocation, a code replay
 * or a refresh reuse stop them too without a database read per API call. Revocations on this node
 * apply at once; every {@link Heartbeat} (each second) the node reads the grants revoked since its
 * last look, so a revocation on another node applies here within about a second. Entries leave
 * once no token of theirs can still be valid. Not a cache: nothing is evicted early.
 */
@ApplicationScoped
public class RevokedGrants {

    /** Commits that finish late and clocks slightly apart are covered by looking back this far. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private volatile Instant lookedAt;

    /** True if the grant was revoked; reads the database only the first time after start-up. */
    public boolean isRevoked(String grantId) {
        if (grantId == null) {
            return false;
        }
        if (lookedAt == null) {
            load();
        }
        return revoked.containsKey(grantId);
    }

    void revoked(String grantId) {
        revoked.put(grantId, clock.instant());
    }

    @Transactional
    void catchUp(@Observes Heartbeat.Beat beat) {
        load();
    }

    private synchronized void load() {
        Instant now = clock.instant();
        Instant since = lookedAt == null ? now.minus(window()) : lookedAt.minus(OVERLAP);
        List<Object[]> rows = em.createQuery("select g.id, g.revokedAt from TokenGrant g where g.revokedAt > :since", Object[].class)
                .setParameter("since", since).getResultList();
        rows.forEach(r -> revoked.put((String) r[0], (Instant) r[1]));
        Instant horizon = now.minus(window());
        revoked.values().removeIf(at -> at.isBefore(horizon));
        lookedAt = now;
    }

    /**
     * How long an access token issued just before its grant was revoked can still be presented:
     * the longest access-token lifetime any client may have (config.TokenSettings.MAX_ACCESS_TTL),
     * plus a margin for clocks; {@link Grants#purgeExpired} keeps revoked grants at least as long.
     */
    static Duration window() {
        return TokenSettings.MAX_ACCESS_TTL.plus(MARGIN);
    }

    /** Clock differences between nodes and the time a revocation takes to be read everywhere. */
    static final Duration MARGIN = Duration.ofMinutes(10);
}
