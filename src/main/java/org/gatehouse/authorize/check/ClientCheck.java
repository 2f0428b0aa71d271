package org.gatehouse.authorize.check;

import org.gatehouse.authorize.AuthorizationPageException;
import org.gatehouse.client.Clients;

/** RFC 6749 §4.1.1: client_id names a registered, enabled client; otherwise an error page. */
public final class ClientCheck implements AuthorizationCheck {

    private final Clients clients;

    public ClientCheck(Clients clients) {
        this.clients = clients;
    }

    @Override
    public void check(AuthorizationContext context) {
        String clientId = context.single("client_id");
        if (clientId == null) {
            throw new AuthorizationPageException("Invalid authorization request", "The request has no client_id.");
        }
        context.client = clients.find(clientId).filter(c -> c.enabled()).orElseThrow(() ->
                new AuthorizationPageException("Unknown application",
                        "The application that sent you here is not registered with this server or has been disabled."));
    }
}
