package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.error.OAuthException;
import org.gatehouse.grant.Grants;
import org.gatehouse.grant.RefreshToken;
import org.gatehouse.platform.SpaceSeparated;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * {@code grant_type=refresh_token} (RFC 6749 §6) with rotation (OAuth 2.1 §4.3.1): the presented
 * token is retired by one conditional UPDATE and a new one issued (one INSERT). Presenting a
 * retired token again means it leaked: the whole grant is revoked (RFC 9700 §4.14.2). The scope
 * may be narrowed, never widened; the new refresh token keeps the original scope. A revoked grant
 * has every refresh token revoked in the same transaction, so the conditional UPDATE alone
 * decides; no read of the grant row is needed. With the opt-in reuse grace
 * ({@code gatehouse.token.refresh-reuse-grace}) a token rotated out seconds ago whose successor is
 * still unused is taken as a retry after a lost response; off by default, since for those seconds
 * a stolen token raced against its owner's is not recognised as reuse.
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    private static final String INVALID = "The refresh token is invalid, expired or revoked";

    @Inject
    Grants grants;

    @Inject
    AccountCache accounts;

    @Inject
    TokenIssuer issuer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    TokenSettings settings;

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    @Transactional(dontRollbackOn = OAuthException.class)
    public TokenResponse handle(TokenRequest request, ClientView client) {
        RefreshToken token = grants.byRefresh(request.required("refresh_token"))
                .filter(t -> t.getClientId().equals(client.clientId()))
                .orElseThrow(() -> OAuthException.invalidGrant(INVALID));
        Instant now = clock.instant();
        if (token.getRevokedAt() != null) {
            throw OAuthException.invalidGrant(INVALID);
        }
        boolean retried = false;
        if (token.getRotatedAt() != null) {
            retried = withinGrace(token, now) && grants.retireUnusedSuccessor(token);
            if (!retried) {
                reused(token);
            }
            audit.record(AuditType.REFRESH_RETRIED, token.getClientId(), "grant " + token.getGrantId(),
                    "rotated refresh token presented again within the reuse grace; its unused successor was retired");
        }
        if (token.isExpired(now)) {
            throw OAuthException.invalidGrant(INVALID);
        }
        Set<String> scopes = narrowed(request, token.getScopes());
        AccountView account = accounts.byId(token.getAccountId()).filter(AccountView::enabled)
                .orElseThrow(() -> OAuthException.invalidGrant(INVALID));
        if (!retried && !grants.rotate(token)) {
            reused(token);
        }
        return issuer.issue(new TokenIssuer.GrantRef(token.getGrantId(), token.getFamilyExpiresAt(),
                token.getAuthTime(), null), account, client,
                scopes, token.getScopes());
    }

    /** The opt-in reuse grace: a lost response retried within seconds (off unless configured). */
    private boolean withinGrace(RefreshToken token, Instant now) {
        return !settings.refreshReuseGrace().isZero() && token.getRotatedAt().plus(settings.refreshReuseGrace()).isAfter(now);
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

    /** A rotation that lost a race is a second use of the refresh token: the family is revoked. */
    @Override
    public OAuthException lostRace(TokenRequest request, ClientView client) {
        request.param("refresh_token")
                .flatMap(value -> grants.revokeFamilyAfterLostRace(value, client.clientId(), "refresh token race"))
                .ifPresent(grantId -> audit.record(AuditType.REFRESH_REUSE, client.clientId(), "grant " + grantId,
                        "refresh token used concurrently; grant revoked"));
        return OAuthException.invalidGrant(INVALID);
    }

    private void reused(RefreshToken token) {
        grants.revoke(token.getGrantId(), "refresh token reuse");
        audit.record(AuditType.REFRESH_REUSE, token.getClientId(), "grant " + token.getGrantId(),
                "rotated refresh token presented again; grant revoked");
        throw OAuthException.invalidGrant(INVALID);
    }
}
