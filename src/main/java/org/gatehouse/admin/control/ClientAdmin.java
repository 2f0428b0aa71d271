package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientType;
import org.gatehouse.platform.Secrets;
import org.gatehouse.authorize.ClientRemoval;
import org.gatehouse.client.Clients;
import org.gatehouse.grant.Grants;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers, changes and deletes clients (RFC 6749 §2). A secret is generated here (256 random
 * bits), returned once to be shown once, and stored only as its SHA-256. Every change evicts the
 * client from the lookup cache that the protocol endpoints read.
 */
@ApplicationScoped
public class ClientAdmin {

    /** A client as the list shows it: no secret, no hash. */
    public static final class Row implements Serializable {
        private final String clientId;
        private final String name;
        private final ClientType type;
        private final boolean enabled;
        private final Instant updatedAt;
        private final boolean selfRegistered;
        private final AuthMethod authMethod;
        private final List<String> redirectUris;

        public Row(Client c) {
            this.clientId = c.getClientId();
            this.name = c.getName();
            this.type = c.getType();
            this.enabled = c.isEnabled();
            this.updatedAt = c.getUpdatedAt();
            this.selfRegistered = c.isSelfRegistered();
            this.authMethod = c.getAuthMethod();
            this.redirectUris = List.copyOf(c.getRedirectUris());
        }

        public String getClientId() { return clientId; }
        public String getName() { return name; }
        public ClientType getType() { return type; }
        public boolean isEnabled() { return enabled; }
        public Instant getUpdatedAt() { return updatedAt; }
        /** Registered by the client itself (RFC 7591, the registration package). */
        public boolean isSelfRegistered() { return selfRegistered; }
        /** How it authenticates at the token endpoint, as RFC 7591 names it. */
        public String getAuthMethod() { return authMethod.wireName(); }
        public List<String> getRedirectUris() { return redirectUris; }
    }

    /** The outcome of a save: the id, and the new secret if one was generated (to show once). */
    public record Saved(String clientId, Optional<String> secret) {
    }

    private static final Map<String, String> SORTABLE = Map.of(
            "clientId", "c.clientId", "name", "c.name", "type", "c.type", "enabled", "c.enabled", "updatedAt", "c.updatedAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    Grants grants;

    @Inject
    Clients clients;

    @Inject
    ClientRemoval removal;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public long count(String search) {
        return where(em.createQuery("select count(c) from Client c" + filter(search), Long.class), search).getSingleResult();
    }

    public List<Row> page(String search, Sort sort, int first, int max) {
        String jpql = "select c from Client c" + filter(search) + sort.orderBy(SORTABLE, "c.clientId asc");
        return where(em.createQuery(jpql, Client.class), search).setFirstResult(first).setMaxResults(max).getResultStream()
                .map(Row::new).toList();
    }

    private static String filter(String search) {
        return Sort.blank(search) ? "" : " where lower(c.clientId) like :q escape '\\' or lower(c.name) like :q escape '\\'";
    }

    private static <T> TypedQuery<T> where(TypedQuery<T> query, String search) {
        return Sort.blank(search) ? query : query.setParameter("q", Sort.contains(search));
    }

    public Optional<ClientForm> form(String clientId) {
        return Optional.ofNullable(clientId).map(id -> em.find(Client.class, id)).map(ClientForm::of);
    }

    @Transactional
    public Saved create(ClientForm f, Actor actor) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        ClientRules.check(f, knownScopes(), problems);
        String clientId = Sort.blank(f.getClientId()) ? Secrets.random(12) : f.getClientId().trim();
        if (!problems.has("clientId") && em.find(Client.class, clientId) != null) {
            problems.add("clientId", "A client with id " + clientId + " already exists.");
        }
        checkNameFree(f.getName(), null, problems);
        problems.throwIfAny();

        Instant now = clock.instant();
        Client client = new Client(clientId, f.getType(), now);
        apply(f, client, now);
        Optional<String> secret = client.isPublic() ? Optional.empty() : Optional.of(newSecret(client));
        em.persist(client);
        flush("name");
        clients.changed(clientId);
        audit.record(AuditType.CLIENT_CREATED, actor.username(), clientId,
                "name=" + client.getName() + " type=" + client.getType() + " grantTypes=" + String.join(",", client.getGrantTypes()),
                actor.address());
        return new Saved(clientId, secret);
    }

    @Transactional
    public Saved update(ClientForm f, Actor actor) {
        Client client = current(f.getClientId(), f.getVersion());
        InvalidInput.Collector problems = new InvalidInput.Collector();
        ClientRules.check(f, knownScopes(), problems);
        checkNameFree(f.getName(), client.getClientId(), problems);
        problems.throwIfAny();

        boolean wasEnabled = client.isEnabled();
        Changes.Snapshot before = snapshot(client);
        apply(f, client, clock.instant());
        Optional<String> secret = Optional.empty();
        if (client.isPublic()) {
            client.setSecretHash(null);
        } else if (client.getSecretHash() == null) {
            secret = Optional.of(newSecret(client)); // became confidential: it needs a secret now
        }
        flush("name");
        int revoked = wasEnabled && !client.isEnabled()
                ? grants.revokeAllForClient(client.getClientId(), "client disabled by admin") : 0;
        clients.changed(client.getClientId());
        audit.record(AuditType.CLIENT_UPDATED, actor.username(), client.getClientId(),
                Changes.between(before, snapshot(client), secret.isPresent() ? "secret generated" : null,
                        revoked > 0 ? "grantsRevoked=" + revoked : null),
                actor.address());
        return new Saved(client.getClientId(), secret);
    }

    /** A new secret replaces the old one at once; the old one stops authenticating. */
    @Transactional
    public String rotateSecret(String clientId, Actor actor) {
        Client client = em.find(Client.class, clientId);
        if (client == null) {
            throw new EditConflict("This client no longer exists.");
        }
        if (client.isPublic()) {
            throw InvalidInput.of(InvalidInput.FORM, "A public client has no secret.");
        }
        String secret = newSecret(client);
        client.touch(clock.instant());
        flush(InvalidInput.FORM);
        clients.changed(clientId);
        audit.record(AuditType.CLIENT_SECRET_ROTATED, actor.username(), clientId, null, actor.address());
        return secret;
    }

    /** How many live grants deleting the client would revoke (for the confirmation). */
    public long liveGrants(String clientId) {
        return grants.count(Grants.Filter.live(clientId, null));
    }

    /** Deletes the client and everything issued to it: grants (their codes and tokens), consents, parked requests. */
    @Transactional
    public int delete(String clientId, Actor actor) {
        Client client = em.find(Client.class, clientId);
        if (client == null) {
            throw new EditConflict("This client no longer exists.");
        }
        int revoked;
        try {
            revoked = removal.delete(client, "client deleted by admin");
        } catch (OptimisticLockException e) {
            throw new EditConflict("Someone else changed this client at the same moment. Nothing was saved: reload and try again.");
        }
        audit.record(AuditType.CLIENT_DELETED, actor.username(), clientId,
                "name=" + client.getName() + " grantsRevoked=" + revoked, actor.address());
        return revoked;
    }

    private Client current(String clientId, long version) {
        Client client = clientId == null ? null : em.find(Client.class, clientId);
        if (client == null) {
            throw new EditConflict("This client was deleted by someone else.");
        }
        if (client.getVersion() != version) {
            throw new EditConflict("Someone else changed this client after you opened it. Nothing was saved: reload to see their changes.");
        }
        return client;
    }

    private void checkNameFree(String name, String ownId, InvalidInput.Collector problems) {
        if (Sort.blank(name) || problems.has("name")) {
            return;
        }
        List<String> holders = em.createQuery("select c.clientId from Client c where lower(c.name) = :n", String.class)
                .setParameter("n", name.trim().toLowerCase()).getResultList();
        if (holders.stream().anyMatch(id -> !id.equals(ownId))) {
            problems.add("name", "Another client is already named " + name.trim() + ".");
        }
    }

    private Set<String> knownScopes() {
        return new HashSet<>(em.createQuery("select s.name from Scope s", String.class).getResultList());
    }

    /** The fields an administrator edits, for the audit entry of an update (never the secret). */
    private static Changes.Snapshot snapshot(Client c) {
        return Changes.snapshot().put("name", c.getName()).put("type", c.getType()).put("authMethod", c.getAuthMethod())
                .put("redirectUris", c.getRedirectUris()).put("postLogoutRedirectUris", c.getPostLogoutRedirectUris())
                .put("allowedScopes", c.getAllowedScopes()).put("defaultScopes", c.getDefaultScopes())
                .put("grantTypes", c.getGrantTypes()).put("requirePkce", c.isRequirePkce())
                .put("accessTokenTtlSeconds", c.getAccessTokenTtlSeconds()).put("refreshTokenTtlSeconds", c.getRefreshTokenTtlSeconds())
                .put("enabled", c.isEnabled());
    }

    private static void apply(ClientForm f, Client c, Instant now) {
        c.setName(f.getName().trim());
        c.setType(f.getType());
        c.setAuthMethod(f.getType() == ClientType.PUBLIC ? AuthMethod.NONE : f.getAuthMethod());
        c.setRedirectUris(f.redirectUriLines());
        c.setPostLogoutRedirectUris(f.postLogoutRedirectUriLines());
        c.setAllowedScopes(new LinkedHashSet<>(f.getAllowedScopes()));
        c.setDefaultScopes(new LinkedHashSet<>(f.getDefaultScopes()));
        c.setGrantTypes(new LinkedHashSet<>(f.getGrantTypes()));
        c.setRequirePkce(f.getType() == ClientType.PUBLIC || f.isRequirePkce());
        c.setAccessTokenTtlSeconds(ClientRules.seconds(f.getAccessTokenTtl()));
        c.setRefreshTokenTtlSeconds(ClientRules.seconds(f.getRefreshTokenTtl()));
        c.setEnabled(f.isEnabled());
        c.touch(now);
    }

    private static String newSecret(Client client) {
        String secret = Secrets.random(32);
        client.setSecretHash(Secrets.sha256(secret));
        return secret;
    }

    /**
     * Writes now, so that a concurrent edit (version check) or a name taken in the meantime
     * (unique index) is reported on the form instead of failing at commit.
     */
    private void flush(String field) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new EditConflict("Someone else changed this client at the same moment. Nothing was saved: reload and try again.");
        } catch (PersistenceException e) {
            throw InvalidInput.of(field, "This could not be saved because another client already uses this name or id.");
        }
    }
}
