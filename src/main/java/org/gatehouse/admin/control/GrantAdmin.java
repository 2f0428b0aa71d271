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
import org.gatehouse.user.Account;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;
import org.gatehouse.user.Accounts;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every grant (refresh-token family) the server keeps, filterable by client, account and state,
 * and the consents accounts have given; revocation of one grant or of a remembered consent.
 */
@ApplicationScoped
public class GrantAdmin {

    /** A grant as the list shows it, with its state in words. */
    public static final class GrantRow implements Serializable {
        private final String id;
        private final String clientId;
        private final long accountId;
        private final String username;
        private final String scopes;
        private final Instant createdAt;
        private final Instant expiresAt;
        private final Instant revokedAt;
        private final String revokedReason;
        private final String state;
        private final boolean live;
        private final long liveRefreshTokens;

        GrantRow(TokenGrant g, String username, long liveRefreshTokens, Instant now) {
            this.id = g.getId();
            this.clientId = g.getClientId();
            this.accountId = g.getAccountId();
            this.username = username;
            this.scopes = String.join(" ", g.getScopes());
            this.createdAt = g.getCreatedAt();
            this.expiresAt = g.getExpiresAt();
            this.revokedAt = g.getRevokedAt();
            this.revokedReason = g.getRevokedReason();
            this.live = !g.isRevoked() && g.getExpiresAt().isAfter(now);
            this.state = stateOf(g, now);
            this.liveRefreshTokens = liveRefreshTokens;
        }

        static String stateOf(TokenGrant g, Instant now) {
            if (g.isRevoked()) {
                return "Revoked";
            }
            if (!g.getExpiresAt().isAfter(now)) {
                return "Expired";
            }
            if (!g.isCodeConsumed()) {
                return g.isCodeExpired(now) ? "Code never redeemed" : "Code not yet redeemed";
            }
            return "Live";
        }

        public String getId() { return id; }
        public String getClientId() { return clientId; }
        public long getAccountId() { return accountId; }
        public String getUsername() { return username; }
        public String getScopes() { return scopes; }
        public Instant getCreatedAt() { return createdAt; }
        public Instant getExpiresAt() { return expiresAt; }
        public Instant getRevokedAt() { return revokedAt; }
        public String getRevokedReason() { return revokedReason; }
        public String getState() { return state; }
        public boolean isLive() { return live; }
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
    Accounts accountStore;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public long count(Grants.Filter filter) {
        return grants.count(filter);
    }

    /** One page of the grants the filter selects, newest first, accounts named by username. */
    public List<GrantRow> list(Grants.Filter filter, int first, int max) {
        Instant now = clock.instant();
        return grants.list(filter, first, max).stream()
                .map(g -> new GrantRow(g.grant(), username(g.grant().getAccountId()), g.liveRefreshTokens(), now)).toList();
    }

    /** The account id of a username, for the list's account filter. */
    public Optional<Long> accountNamed(String username) {
        return accountStore.byUsername(username).map(Account::getId);
    }

    /** The remembered consents of the filter's client and/or account (none without either), at most 500. */
    public List<ConsentRow> consents(Grants.Filter filter) {
        List<Consent> list;
        if (filter.clientId() != null) {
            list = consents.forClient(filter.clientId()).stream()
                    .filter(c -> filter.accountId() == null || c.getAccountId() == filter.accountId()).toList();
        } else if (filter.accountId() != null) {
            list = consents.forAccount(filter.accountId());
        } else {
            return List.of();
        }
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
            audit.record(AuditType.GRANT_REVOKED, actor.username(), grant.getClientId() + " / " + username(grant.getAccountId()),
                    "grant=" + grantId, actor.address());
        }
        return changed;
    }

    /** Forgets a remembered consent and revokes that account's live grants for that client. */
    @Transactional
    public int forgetConsent(long accountId, String clientId, Actor actor) {
        consents.forget(accountId, clientId);
        int revoked = grants.revokeAll(accountId, clientId, "consent revoked by admin");
        audit.record(AuditType.CONSENT_REVOKED, actor.username(), clientId + " / " + username(accountId),
                "grantsRevoked=" + revoked, actor.address());
        return revoked;
    }
}
