package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.authorize.AuthorizationCode;
import org.gatehouse.authorize.AuthorizationCodes;
import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;
import org.gatehouse.user.Account;

import java.time.Clock;

/**
 * {@code grant_type=authorization_code} (RFC 6749 §4.1.3, RFC 7636 §4.6). The code must be this
 * client's, unexpired, unused, for the same redirect URI, and its PKCE verifier must match. It
 * is consumed atomically; a second use is refused and revokes everything issued from it
 * (RFC 6749 §4.1.2, RFC 9700 §4.2.4).
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {

    private static final String INVALID = "The authorization code is invalid, expired or already used";

    @Inject
    AuthorizationCodes codes;

    @Inject
    Grants grants;

    @Inject
    TokenIssuer issuer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    @Transactional(dontRollbackOn = OAuthException.class)
    public TokenResponse handle(TokenRequest request, ClientView client) {
        String value = request.required("code");
        AuthorizationCode code = codes.find(value).orElseThrow(() -> OAuthException.invalidGrant(INVALID));
        if (!code.getClientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant(INVALID);
        }
        if (code.isConsumed()) {
            replayed(code);
        }
        if (code.isExpired(clock.instant())) {
            throw OAuthException.invalidGrant(INVALID);
        }
        String redirectUri = request.param("redirect_uri").orElse(null);
        if (code.isRedirectUriGiven() ? !code.getRedirectUri().equals(redirectUri)
                : redirectUri != null && !code.getRedirectUri().equals(redirectUri)) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (code.getCodeChallenge() != null && !Pkce.verifies(request.param("code_verifier").orElse(null), code.getCodeChallenge())) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge");
        }
        if (code.getCodeChallenge() == null && request.param("code_verifier").isPresent()) {
            throw OAuthException.invalidGrant("code_verifier sent for a code issued without PKCE");
        }
        if (!codes.consume(code)) {
            replayed(code);
        }
        TokenGrant grant = em.find(TokenGrant.class, code.getGrantId());
        Account account = em.find(Account.class, code.getAccountId());
        if (grant == null || grant.isRevoked() || account == null || !account.isEnabled()) {
            throw OAuthException.invalidGrant(INVALID);
        }
        return issuer.issue(grant, account, client, code.getScopes(), code.getScopes());
    }

    private void replayed(AuthorizationCode code) {
        grants.revoke(code.getGrantId(), "authorization code replay");
        audit.record(AuditType.CODE_REPLAY, code.getClientId(), "grant " + code.getGrantId(),
                "authorization code used twice; grant revoked");
        throw OAuthException.invalidGrant(INVALID);
    }
}
