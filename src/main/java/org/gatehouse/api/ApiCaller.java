package org.gatehouse.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.gatehouse.token.AccessTokenPrincipal;
import org.gatehouse.user.Account;
import org.gatehouse.user.Accounts;

/** The verified token of the current API request and the account it speaks for. */
@RequestScoped
public class ApiCaller {

    @Inject
    Accounts accounts;

    @Inject
    jakarta.security.enterprise.SecurityContext security;

    public AccessTokenPrincipal token() {
        return security.getPrincipalsByType(AccessTokenPrincipal.class).stream().findFirst()
                .orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"gatehouse\""));
    }

    public Account account() {
        return accounts.bySubject(token().getSubject()).filter(Account::isEnabled)
                .orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"gatehouse\", error=\"invalid_token\""));
    }
}
