package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.Clients;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.config.BootstrapSettings;
import org.gatehouse.playground.PlaygroundClients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Registers the Flow Playground's two clients at start-up, idempotently: created if missing,
 * brought back to the playground's shape if changed (redirect URI follows the issuer), with the
 * hash of the confidential client's fresh start-up secret. With
 * {@code gatehouse.playground.enabled=false} existing registrations are disabled instead.
 */
@ApplicationScoped
public class PlaygroundRegistration {

    @Inject
    BootstrapSettings settings;

    @Inject
    PlaygroundClients playground;

    @Inject
    Clients clients;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Transactional
    public void register() {
        Instant now = clock.instant();
        upsert(PlaygroundClients.CONFIDENTIAL_ID, "Gatehouse Flow Playground", ClientType.CONFIDENTIAL,
                playground.secretHash(), now);
        upsert(PlaygroundClients.PUBLIC_ID, "Gatehouse Flow Playground (public, PKCE)", ClientType.PUBLIC, null, now);
    }

    private void upsert(String clientId, String name, ClientType type, String secretHash, Instant now) {
        Client client = em.find(Client.class, clientId);
        if (!settings.playground()) {
            if (client != null && client.isEnabled()) {
                client.setEnabled(false);
                client.touch(now);
                clients.changed(clientId);
            }
            return;
        }
        boolean created = client == null;
        if (created) {
            client = new Client(clientId, type, now);
        }
        ClientView before = ClientView.of(client);
        client.setName(name);
        client.setType(type);
        client.setAuthMethod(type == ClientType.PUBLIC ? AuthMethod.NONE : AuthMethod.CLIENT_SECRET_BASIC);
        client.setSecretHash(secretHash);
        client.setRedirectUris(List.of(playground.redirectUri()));
        client.setPostLogoutRedirectUris(List.of(playground.postLogoutRedirectUri()));
        client.setAllowedScopes(Set.copyOf(PlaygroundClients.SCOPES));
        client.setDefaultScopes(Set.of("profile"));
        client.setGrantTypes(GrantTypes.DEFAULT);
        client.setRequirePkce(true);
        client.setEnabled(true);
        if (created) {
            em.persist(client);
        } else if (before.equals(ClientView.of(client))) {
            return; // already in shape: nothing to touch or audit
        }
        client.touch(now);
        clients.changed(clientId);
        AuditType what = created ? AuditType.CLIENT_CREATED
                : secretHash != null ? AuditType.CLIENT_SECRET_ROTATED : AuditType.CLIENT_UPDATED;
        audit.record(what, "system", clientId, created ? "Flow Playground client registered"
                : "Flow Playground client re-registered at start-up");
    }
}
