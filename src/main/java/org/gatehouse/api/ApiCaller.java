package org.gatehouse.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.gatehouse.token.AccessTokenPrincipal;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;

/**
 * The verified token of the current API request and the account it speaks for, the latter from
 * the account cache (no database read unless the account changed or was never seen).
 */
@RequestScoped
public class ApiCaller {

    @Inject
    AccountCache accounts;

    @Inject
    jakarta.security.enterprise.SecurityContext security;

    public AccessTokenPrincipal token() {
        return security.getPrincipalsByType(AccessTokenPrincipal.class).stream().findFirst()
                .orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"gatehouse\""));
    }

    public AccountView account() {
        return accounts.bySubject(token().getSubject()).filter(AccountView::enabled)
                .orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"gatehouse\", error=\"invalid_token\""));
    }
}
