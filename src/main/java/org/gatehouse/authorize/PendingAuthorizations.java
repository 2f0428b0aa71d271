package org.gatehouse.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.Clients;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.platform.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Validated authorization requests waiting for login and consent, in the database so any node
 * of a cluster can continue them. Ids are 128-bit random values; expired requests are gone.
 */
@ApplicationScoped
public class PendingAuthorizations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clients clients;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @Transactional
    public PendingAuthorization park(AuthorizationRequest request) {
        Instant now = clock.instant();
        PendingAuthorization pending = new PendingAuthorization(Secrets.random(16), request, now, now.plus(settings.requestTtl()));
        em.persist(pending);
        return pending;
    }

    /** The request if it exists and has not expired. */
    public Optional<PendingAuthorization> find(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(PendingAuthorization.class, id)).filter(p -> !p.isExpired(clock.instant()));
    }

    /** Removes the request; true only for the one caller that removed it (single use). */
    @Transactional
    public boolean take(String id) {
        return em.createQuery("delete from PendingAuthorization p where p.id = :id").setParameter("id", id).executeUpdate() == 1;
    }

    /** Drops every request parked for a client (the client is deleted). */
    @Transactional
    public int dropAllForClient(String clientId) {
        return em.createQuery("delete from PendingAuthorization p where p.clientId = :c").setParameter("c", clientId).executeUpdate();
    }

    /** Drops requests past their lifetime. */
    @Transactional
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from PendingAuthorization p where p.expiresAt < :t").setParameter("t", now).executeUpdate();
    }

    public Optional<String> clientName(String id) {
        return find(id).flatMap(p -> clients.find(p.getClientId())).map(ClientView::name);
    }
}
