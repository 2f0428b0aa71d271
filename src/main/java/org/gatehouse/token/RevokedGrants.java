package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.gatehouse.config.TokenSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The grants revoked while access tokens issued under them may still be unexpired. Access tokens
 * are self-contained JWTs; this small set is what lets a revocation, a code replay or a refresh
 * reuse stop them too. Revocations on this node apply at once; the set is re-read from the
 * database every few seconds for revocations made on other nodes.
 */
@ApplicationScoped
public class RevokedGrants {

    private static final Duration RELOAD = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TokenSettings settings;

    private final Set<String> local = ConcurrentHashMap.newKeySet();
    private volatile Set<String> loaded = Set.of();
    private volatile Instant loadedAt = Instant.EPOCH;
    private final AtomicBoolean loading = new AtomicBoolean();

    public boolean isRevoked(String grantId) {
        if (grantId == null) {
            return false;
        }
        refreshIfStale();
        return local.contains(grantId) || loaded.contains(grantId);
    }

    public void revoked(String grantId) {
        local.add(grantId);
    }

    private void refreshIfStale() {
        Instant now = clock.instant();
        if (Duration.between(loadedAt, now).compareTo(RELOAD) < 0 || !loading.compareAndSet(false, true)) {
            return;
        }
        try {
            // Access tokens can live at most a day here (client overrides included), so older revocations are moot.
            Instant since = now.minus(settings.accessTokenTtl()).minus(Duration.ofDays(1));
            loaded = new HashSet<>(em.createQuery("select g.id from TokenGrant g where g.revokedAt > :since", String.class)
                    .setParameter("since", since).getResultList());
            local.clear();
            loadedAt = now;
        } finally {
            loading.set(false);
        }
    }
}
