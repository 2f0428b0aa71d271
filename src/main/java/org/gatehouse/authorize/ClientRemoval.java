package org.gatehouse.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.client.Client;
import org.gatehouse.client.Clients;
import org.gatehouse.consent.Consents;
import org.gatehouse.grant.Grants;

/**
 * The one way a client is deleted, by an administrator (admin.control.ClientAdmin) or by the
 * client itself (RFC 7592 §2.3, registration.Registrations): everything issued to it goes first,
 * each through its owning store (grants with their codes and refresh tokens in {@code grant},
 * remembered consents in {@code consent}, parked requests here), then the client row through
 * {@code client.Clients}. It lives here because parked requests are this package's.
 */
@ApplicationScoped
public class ClientRemoval {

    @Inject
    Grants grants;

    @Inject
    Consents consents;

    @Inject
    PendingAuthorizations pending;

    @Inject
    Clients clients;

    /** Deletes the client and what was issued to it, in the caller's transaction; returns the grants revoked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int delete(Client client, String reason) {
        String clientId = client.getClientId();
        int revoked = grants.revokeAllForClient(clientId, reason);
        consents.forgetAllForClient(clientId);
        pending.dropAllForClient(clientId);
        clients.remove(client);
        return revoked;
    }
}
