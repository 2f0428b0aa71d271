package org.gatehouse.authorize.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.client.Clients;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.token.IdTokens;

import java.util.List;

/**
 * The authorization endpoint's checks, in the order that matters: first the client and its
 * redirect URI (failures are error pages), then everything whose failure may be redirected
 * back to the client with {@code error}, {@code state} and {@code iss}.
 */
@ApplicationScoped
public class AuthorizationChecks {

    @Inject
    Clients clients;

    @Inject
    TokenSettings settings;

    @Inject
    IdTokens idTokens;

    private List<AuthorizationCheck> checks;

    List<AuthorizationCheck> checks() {
        if (checks == null) {
            checks = List.of(
                    new ClientCheck(clients),
                    new RedirectUriCheck(),
                    new ParameterCheck(),
                    new ResponseTypeCheck(),
                    new GrantTypeCheck(),
                    new ScopeCheck(),
                    new OpenIdCheck(idTokens),
                    new PkceCheck(settings.pkceForConfidential()));
        }
        return checks;
    }

    /** Runs every check on the context; the first failure throws. */
    public void run(AuthorizationContext context) {
        for (AuthorizationCheck check : checks()) {
            check.check(context);
        }
    }
}
