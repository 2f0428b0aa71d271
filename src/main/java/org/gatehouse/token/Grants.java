package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Grants and their revocation. Revoking a grant marks it, revokes every refresh token of its
 * family in the same transaction, and stops its access tokens through {@link RevokedGrants}.
 */
@ApplicationScoped
@Transactional
public class Grants {

    @PersistenceContext
    EntityManager em;

    @Inject
    RevokedGrants revokedGrants;

    @Inject
    Clock clock;

    public TokenGrant find(String grantId) {
        return em.find(TokenGrant.class, grantId);
    }

    /** Revokes one grant and everything issued under it; true if it was live. */
    public boolean revoke(String grantId, String reason) {
        Instant now = clock.instant();
        int changed = em.createQuery("update TokenGrant g set g.revokedAt = :now, g.revokedReason = :reason"
                        + " where g.id = :id and g.revokedAt is null")
                .setParameter("now", now).setParameter("reason", reason).setParameter("id", grantId).executeUpdate();
        em.createQuery("update RefreshToken r set r.revokedAt = :now where r.grantId = :id and r.revokedAt is null")
                .setParameter("now", now).setParameter("id", grantId).executeUpdate();
        revokedGrants.revoked(grantId);
        return changed == 1;
    }

    /** Revokes every live grant of a client (client deleted or disabled). */
    public int revokeAllForClient(String clientId, String reason) {
        List<String> ids = em.createQuery("select g.id from TokenGrant g where g.clientId = :c and g.revokedAt is null", String.class)
                .setParameter("c", clientId).getResultList();
        ids.forEach(id -> revoke(id, reason));
        return ids.size();
    }

    /** Revokes every live grant of an account (account disabled). */
    public int revokeAllForAccount(long accountId, String reason) {
        List<String> ids = em.createQuery("select g.id from TokenGrant g where g.accountId = :a and g.revokedAt is null", String.class)
                .setParameter("a", accountId).getResultList();
        ids.forEach(id -> revoke(id, reason));
        return ids.size();
    }
}
