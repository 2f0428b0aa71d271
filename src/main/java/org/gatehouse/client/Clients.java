package org.gatehouse.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The client registry. Every authorization and token request looks a client up, so lookups are
 * answered from a cache of detached snapshots; any change made through this store evicts the
 * entry, and entries expire after a few seconds so that a change made on another node of a
 * cluster is seen soon after.
 */
@ApplicationScoped
public class Clients {

    private static final long CACHE_MILLIS = 5_000;

    private record Cached(Optional<ClientView> client, long loadedAt) {
    }

    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    /** A read-only snapshot of the client, safe to use outside a transaction. */
    public Optional<ClientView> find(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Cached cached = cache.get(clientId);
        if (cached == null || now - cached.loadedAt() > CACHE_MILLIS) {
            cached = new Cached(load(clientId), now);
            cache.put(clientId, cached);
        }
        return cached.client();
    }

    private Optional<ClientView> load(String clientId) {
        return Optional.ofNullable(em.find(Client.class, clientId)).map(ClientView::of);
    }

    /** Managed entity for modification; callers must be in a transaction and call {@link #evict}. */
    public Optional<Client> entity(String clientId) {
        return Optional.ofNullable(em.find(Client.class, clientId));
    }

    public void evict(String clientId) {
        cache.remove(clientId);
    }

    public void evictAll() {
        cache.clear();
    }
}
