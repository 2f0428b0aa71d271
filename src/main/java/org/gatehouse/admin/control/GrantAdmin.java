package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.token.Grants;
import org.gatehouse.token.TokenGrant;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What accounts have consented to and which grants (refresh-token families) are live, per
 * client or per account; revocation of one grant or of a remembered consent.
 */
@ApplicationScoped
public class GrantAdmin {

    /** Whose grants to show: one client's, or one account's. */
    public record Owner(String clientId, Long accountId) implements Serializable {
        String where(String alias) {
            return clientId != null ? " and " + alias + ".clientId = :owner" : " and " + alias + ".accountId = :owner";
        }

        Object value() {
            return clientId != null ? clientId : accountId;
        }
    }

    /** A live grant as the page shows it. */
    public static final class GrantRow implements Serializable {
        private final String id;
        private final String clientId;
        private final String username;
        private final String scopes;
        private final Instant createdAt;
        private final Instant expiresAt;
        private final long liveRefreshTokens;

        public GrantRow(TokenGrant g, String username, long liveRefreshTokens) {
            this.id = g.getId();
            this.clientId = g.getClientId();
            this.username = username;
            this.scopes = String.join(" ", g.getScopes());
            this.createdAt = g.getCreatedAt();
            this.expiresAt = g.getExpiresAt();
            this.liveRefreshTokens = liveRefreshTokens;
        }

        public String getId() { return id; }
        public String getClientId() { return clientId; }
        public String getUsername() { return username; }
        public String getScopes() { return scopes; }
        public Instant getCreatedAt() { return createdAt; }
        public Instant getExpiresAt() { return expiresAt; }
        public long getLiveRefreshTokens() { return liveRefreshTokens; }
    }

    /** A remembered consent. */
    public static final class ConsentRow implements Serializable {
        private final long accountId;
        private final String username;
        private final String clientId;
        private final String scopes;
        private final Instant grantedAt;

        public ConsentRow(long accountId, String username, String clientId, Set<String> scopes, Instant grantedAt) {
            this.accountId = accountId;
            this.username = username;
            this.clientId = clientId;
            this.scopes = String.join(" ", scopes);
            this.grantedAt = grantedAt;
        }

        public long getAccountId() { return accountId; }
        public String getUsername() { return username; }
        public String getClientId() { return clientId; }
        public String getScopes() { return scopes; }
        public Instant getGrantedAt() { return grantedAt; }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Grants grants;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public long countLive(Owner owner) {
        return em.createQuery("select count(g) from TokenGrant g where g.revokedAt is null and g.expiresAt > :now"
                        + owner.where("g"), Long.class)
                .setParameter("now", clock.instant()).setParameter("owner", owner.value()).getSingleResult();
    }

    public List<GrantRow> live(Owner owner, int first, int max) {
        Instant now = clock.instant();
        List<Object[]> rows = em.createQuery("select g, a.username, (select count(r) from RefreshToken r where r.grantId = g.id"
                        + " and r.revokedAt is null and r.rotatedAt is null and r.expiresAt > :now)"
                        + " from TokenGrant g, Account a where a.id = g.accountId and g.revokedAt is null and g.expiresAt > :now"
                        + owner.where("g") + " order by g.createdAt desc, g.id", Object[].class)
                .setParameter("now", now).setParameter("owner", owner.value())
                .setFirstResult(first).setMaxResults(max).getResultList();
        return rows.stream().map(r -> new GrantRow((TokenGrant) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    public List<ConsentRow> consents(Owner owner) {
        List<Object[]> rows = em.createQuery("select c.accountId, a.username, c.clientId, c.scopes, c.grantedAt"
                        + " from Consent c, Account a where a.id = c.accountId" + owner.where("c")
                        + " order by c.grantedAt desc", Object[].class)
                .setParameter("owner", owner.value()).setMaxResults(500).getResultList();
        return rows.stream().map(r -> new ConsentRow((Long) r[0], (String) r[1], (String) r[2], castScopes(r[3]), (Instant) r[4])).toList();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> castScopes(Object o) {
        return (Set<String>) o;
    }

    /** Revokes one grant: its refresh tokens stop at once, its access tokens are refused by the API. */
    @Transactional
    public boolean revoke(String grantId, Actor actor) {
        TokenGrant grant = grants.find(grantId);
        if (grant == null) {
            return false;
        }
        boolean changed = grants.revoke(grantId, "revoked by admin");
        if (changed) {
            audit.record(AuditType.GRANT_REVOKED, actor.username(), grant.getClientId() + " / account " + grant.getAccountId(),
                    "grant=" + grantId, actor.address());
        }
        return changed;
    }

    /** Forgets a remembered consent and revokes that account's live grants for that client. */
    @Transactional
    public int forgetConsent(long accountId, String clientId, Actor actor) {
        em.createQuery("delete from Consent c where c.accountId = :a and c.clientId = :c")
                .setParameter("a", accountId).setParameter("c", clientId).executeUpdate();
        List<String> ids = em.createQuery("select g.id from TokenGrant g where g.accountId = :a and g.clientId = :c"
                        + " and g.revokedAt is null", String.class)
                .setParameter("a", accountId).setParameter("c", clientId).getResultList();
        ids.forEach(id -> grants.revoke(id, "consent revoked by admin"));
        audit.record(AuditType.CONSENT_REVOKED, actor.username(), clientId + " / account " + accountId,
                "grantsRevoked=" + ids.size(), actor.address());
        return ids.size();
    }
}
