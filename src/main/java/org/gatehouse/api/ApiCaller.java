package org.gatehouse.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.gatehouse.token.AccessTokenPrincipal;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;

/**
 * The verified token of the current API request and the account it speaks for. A token a client
 * obtained for itself (client_credentials, RFC 6749 §4.4) speaks for no account: asking for one
 * is 403 {@code insufficient_scope} "needs a token issued to a user" (RFC 6750 §3.1: the token is
 * valid, but it does not carry the privileges the resource needs), before any account lookup.
 * The account comes from the account cache (no database read unless it changed or was never seen).
 * Application-scoped: it reads the token the authentication mechanism left on the current
 * request, so nothing is created per call.
 */
@ApplicationScoped
public class ApiCaller {

    @Inject
    AccountCache accounts;

    @Inject
    HttpServletRequest request;

    public AccessTokenPrincipal token() {
        return request.getAttribute(AccessTokenPrincipal.ATTRIBUTE) instanceof AccessTokenPrincipal p ? p
                : throwRequired();
    }

    private static AccessTokenPrincipal throwRequired() {
        throw new NotAuthorizedException(BearerErrors.tokenRequired());
    }

    public AccountView account() {
        AccessTokenPrincipal token = token();
        if (token.isClientToken()) {
            throw new ForbiddenException(BearerErrors.userNeeded());
        }
        return accounts.bySubject(token.getSubject()).filter(AccountView::enabled)
                .orElseThrow(() -> new NotAuthorizedException(
                        BearerErrors.invalidToken("The account of this token is disabled or no longer exists")));
    }
}
