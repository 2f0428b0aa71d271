package org.gatehouse.client;

import org.gatehouse.platform.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.platform.BoundedCache;
import org.gatehouse.platform.ChangeFeed;

import java.time.Duration;
import java.util.Optional;

/**
 * The client registry. Every authorization, token, revocation and introspection request looks a
 * client up, so lookups are answered from a bounded cache of detached snapshots (misses included,
 * within the same bound). Every change goes through {@link #changed}, which evicts the entry on
 * this node at once and, through the {@link ChangeFeed}, on every other node within about a
 * second; the age limit is only a backstop.
 */
@ApplicationScoped
public class Clients {

    /** Client ids are at most this long (the {@code client.client_id} column); longer ones are never looked up. */
    public static final int MAX_ID_LENGTH = 100;

    static final String TOPIC = "client";

    private final BoundedCache<String, ClientView> cache = new BoundedCache<>(10_000, Duration.ofMinutes(10));

    @PersistenceContext
    EntityManager em;

    @Inject
    ChangeFeed feed;

    /** A read-only snapshot of the client, safe to use outside a transaction. */
    public Optional<ClientView> find(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_ID_LENGTH || StoredText.hasNul(clientId)) {
            return Optional.empty(); // no registered id is that long or holds a NUL (PostgreSQL refuses NUL in text)
        }
        return cache.get(clientId, this::load);
    }

    private Optional<ClientView> load(String clientId) {
        return Optional.ofNullable(em.find(Client.class, clientId)).map(ClientView::of);
    }

    /** Managed entity for modification; callers must be in a transaction and call {@link #changed}. */
    public Optional<Client> entity(String clientId) {
        return Optional.ofNullable(em.find(Client.class, clientId));
    }

    /** Stores a new client (in the caller's transaction) and tells every node's cache. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(Client client) {
        em.persist(client);
        em.flush();
        changed(client.getClientId());
    }

    /** Writes the changes to a managed client now (a concurrent change fails here, not at commit) and tells every node's cache. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saved(Client client) {
        em.flush();
        changed(client.getClientId());
    }

    /** Removes the client row; what was issued to it is the callers' to drop first (authorize.ClientRemoval). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(Client client) {
        em.remove(client);
        em.flush();
        changed(client.getClientId());
    }

    /** The id of the client named {@code name} (compared without case), if any. */
    public Optional<String> namedHolder(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || StoredText.hasNul(name)) {
            return Optional.empty();
        }
        return em.createQuery("select c.clientId from Client c where lower(c.name) = :n", String.class)
                .setParameter("n", name.trim().toLowerCase()).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** How many clients registered themselves (RFC 7591), against the configured ceiling. */
    public long countSelfRegistered() {
        return em.createQuery("select count(c) from Client c where c.selfRegistered = true", Long.class).getSingleResult();
    }

    /** Tells every node's cache that the client was created, changed or deleted in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String clientId) {
        feed.publish(TOPIC, clientId);
    }

    void evict(@Observes ChangeFeed.Changed change) {
        if (TOPIC.equals(change.topic())) {
            cache.evict(change.key());
        }
    }
}
