package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.consent.Consent;
import org.gatehouse.consent.Consents;
import org.gatehouse.grant.Grants;
import org.gatehouse.grant.TokenGrant;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;

import java.io.Serializable;
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
        Grants.Owner grants() {
            return new Grants.Owner(clientId, accountId);
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

        GrantRow(TokenGrant g, String username, long liveRefreshTokens) {
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

        ConsentRow(long accountId, String username, String clientId, Set<String> scopes, Instant grantedAt) {
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

    @Inject
    Grants grants;

    @Inject
    Consents consents;

    @Inject
    AccountCache accounts;

    @Inject
    AuditLog audit;

    public long countLive(Owner owner) {
        return grants.countLive(owner.grants());
    }

    public List<GrantRow> live(Owner owner, int first, int max) {
        return grants.live(owner.grants(), first, max).stream()
                .map(g -> new GrantRow(g.grant(), username(g.grant().getAccountId()), g.liveRefreshTokens())).toList();
    }

    public List<ConsentRow> consents(Owner owner) {
        List<Consent> list = owner.clientId() != null ? consents.forClient(owner.clientId()) : consents.forAccount(owner.accountId());
        return list.stream().limit(500)
                .map(c -> new ConsentRow(c.getAccountId(), username(c.getAccountId()), c.getClientId(), c.getScopes(), c.getGrantedAt()))
                .toList();
    }

    private String username(long accountId) {
        return accounts.byId(accountId).map(AccountView::username).orElse("#" + accountId);
    }

    /** Revokes one grant: its refresh tokens stop at once, its access tokens are refused by the API. */
    @Transactional
    public boolean revoke(String grantId, Actor actor) {
        TokenGrant grant = grants.find(grantId).orElse(null);
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
        consents.forget(accountId, clientId);
        int revoked = grants.revokeAll(accountId, clientId, "consent revoked by admin");
        audit.record(AuditType.CONSENT_REVOKED, actor.username(), clientId + " / account " + accountId,
                "grantsRevoked=" + revoked, actor.address());
        return revoked;
    }
}
