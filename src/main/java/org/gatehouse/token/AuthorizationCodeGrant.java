package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;
import org.gatehouse.grant.Grants;
import org.gatehouse.grant.TokenGrant;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;

import java.time.Clock;

/**
 * {@code grant_type=authorization_code} (RFC 6749 §4.1.3, RFC 7636 §4.6). The code must be this
 * client's, unexpired, unused, for the same redirect URI, and its PKCE verifier must match. It
 * is consumed atomically; a second use is refused and revokes everything issued from it
 * (RFC 6749 §4.1.2, RFC 9700 §4.2.4). Database work: one read of the grant by the code's hash,
 * one conditional UPDATE, one INSERT of the refresh token; the account comes from its cache.
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {

    private static final String INVALID = "The authorization code is invalid, expired or already used";

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

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    @Transactional(dontRollbackOn = OAuthException.class)
    public TokenResponse handle(TokenRequest request, ClientView client) {
        TokenGrant grant = grants.byCode(request.required("code")).orElseThrow(() -> OAuthException.invalidGrant(INVALID));
        if (!grant.getClientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant(INVALID);
        }
        if (grant.isCodeConsumed()) {
            replayed(grant);
        }
        if (grant.isCodeExpired(clock.instant()) || grant.isRevoked()) {
            throw OAuthException.invalidGrant(INVALID);
        }
        String redirectUri = request.param("redirect_uri").orElse(null);
        if (grant.isRedirectUriGiven() ? !grant.getRedirectUri().equals(redirectUri)
                : redirectUri != null && !grant.getRedirectUri().equals(redirectUri)) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (grant.getCodeChallenge() != null && !Pkce.verifies(request.param("code_verifier").orElse(null), grant.getCodeChallenge())) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge");
        }
        if (grant.getCodeChallenge() == null && request.param("code_verifier").isPresent()) {
            throw OAuthException.invalidGrant("code_verifier sent for a code issued without PKCE");
        }
        AccountView account = accounts.byId(grant.getAccountId()).filter(AccountView::enabled)
                .orElseThrow(() -> OAuthException.invalidGrant(INVALID));
        if (!grants.consumeCode(grant)) {
            replayed(grant);
        }
        return issuer.issue(new TokenIssuer.GrantRef(grant.getId(), grant.getExpiresAt(),
                grant.getAuthTime(), grant.getNonce()), account, client,
                grant.getScopes(), grant.getScopes());
    }

    /** A redemption that lost a race is a second use of the code: the grant is revoked (docs/architecture.md). */
    @Override
    public OAuthException lostRace(TokenRequest request, ClientView client) {
        request.param("code").flatMap(code -> grants.revokeAfterLostRace(code, client.clientId(), "authorization code race"))
                .ifPresent(grantId -> audit.record(AuditType.CODE_REPLAY, client.clientId(), "grant " + grantId,
                        "authorization code used concurrently; grant revoked"));
        return OAuthException.invalidGrant(INVALID);
    }

    private void replayed(TokenGrant grant) {
        grants.revoke(grant.getId(), "authorization code replay");
        audit.record(AuditType.CODE_REPLAY, grant.getClientId(), "grant " + grant.getId(),
                "authorization code used twice; grant revoked");
        throw OAuthException.invalidGrant(INVALID);
    }
}
