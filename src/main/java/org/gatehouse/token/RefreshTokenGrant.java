package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;
import org.gatehouse.platform.Secrets;
import org.gatehouse.platform.SpaceSeparated;
import org.gatehouse.user.Account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * {@code grant_type=refresh_token} (RFC 6749 §6) with rotation (OAuth 2.1 §4.3.1): the presented
 * token is retired by one conditional UPDATE and a new one issued. Presenting a retired token
 * again means it leaked: the whole grant is revoked (RFC 9700 §4.14.2). The scope may be
 * narrowed, never widened; the new refresh token keeps the original scope.
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    private static final String INVALID = "The refresh token is invalid, expired or revoked";

    @PersistenceContext
    EntityManager em;

    @Inject
    Grants grants;

    @Inject
    TokenIssuer issuer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    @Transactional(dontRollbackOn = OAuthException.class)
    public TokenResponse handle(TokenRequest request, ClientView client) {
        RefreshToken token = em.find(RefreshToken.class, Secrets.sha256(request.required("refresh_token")));
        if (token == null || !token.getClientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant(INVALID);
        }
        Instant now = clock.instant();
        TokenGrant grant = em.find(TokenGrant.class, token.getGrantId());
        if (grant == null || grant.isRevoked() || token.getRevokedAt() != null) {
            throw OAuthException.invalidGrant(INVALID);
        }
        if (token.getRotatedAt() != null) {
            reused(token);
        }
        if (token.isExpired(now)) {
            throw OAuthException.invalidGrant(INVALID);
        }
        Set<String> scopes = narrowed(request, token.getScopes());
        int rotated = em.createQuery("update RefreshToken r set r.rotatedAt = :now"
                        + " where r.tokenHash = :h and r.rotatedAt is null and r.revokedAt is null")
                .setParameter("now", now).setParameter("h", token.getTokenHash()).executeUpdate();
        if (rotated != 1) {
            reused(token);
        }
        Account account = em.find(Account.class, token.getAccountId());
        if (account == null || !account.isEnabled()) {
            throw OAuthException.invalidGrant(INVALID);
        }
        return issuer.issue(grant, account, client, scopes, token.getScopes());
    }

    private static Set<String> narrowed(TokenRequest request, Set<String> granted) {
        Set<String> requested = SpaceSeparated.parse(request.param("scope").orElse(null));
        if (requested.isEmpty()) {
            return granted;
        }
        if (!granted.containsAll(requested)) {
            throw OAuthException.invalidScope("A refresh may narrow the scope but never widen it");
        }
        return requested;
    }

    private void reused(RefreshToken token) {
        grants.revoke(token.getGrantId(), "refresh token reuse");
        audit.record(AuditType.REFRESH_REUSE, token.getClientId(), "grant " + token.getGrantId(),
                "rotated refresh token presented again; grant revoked");
        throw OAuthException.invalidGrant(INVALID);
    }
}
