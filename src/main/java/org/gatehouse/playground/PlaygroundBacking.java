package org.gatehouse.playground;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.config.BootstrapSettings;

/** Backs {@code playground/index.xhtml}: the few values the page needs before its script runs. */
@Named
@RequestScoped
public class PlaygroundBacking {

    @Inject
    PlaygroundSession session;

    @Inject
    PlaygroundClients clients;

    @Inject
    BootstrapSettings bootstrap;

    public boolean isEnabled() {
        return bootstrap.playground();
    }

    /** Echoed by the script in a header on every state-changing call. */
    public String getCsrfToken() {
        return session.csrfToken();
    }

    /** The scope field's starting value (the "OpenID Connect" switch adds openid). */
    public String getDefaultScopes() {
        return String.join(" ", PlaygroundClients.DEFAULT_SCOPES);
    }

    /** Every scope the playground clients are registered for. */
    public String getAllowedScopes() {
        return String.join(" ", PlaygroundClients.SCOPES);
    }

    public String getRedirectUri() {
        return clients.redirectUri();
    }

    public String getPostLogoutRedirectUri() {
        return clients.postLogoutRedirectUri();
    }

    public String getConfidentialClientId() {
        return PlaygroundClients.CONFIDENTIAL_ID;
    }

    public String getPublicClientId() {
        return PlaygroundClients.PUBLIC_ID;
    }
}
