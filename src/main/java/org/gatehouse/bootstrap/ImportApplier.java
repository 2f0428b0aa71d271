package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.Clients;
import org.gatehouse.grant.Grants;
import org.gatehouse.scope.Scope;
import org.gatehouse.user.Account;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.PasswordHasher;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Applies a validated {@link ImportFile} in one transaction: all of it, or (on any error) none,
 * and remembers the file's SHA-256 in the same transaction ({@code import_applied}, owned here).
 */
@ApplicationScoped
public class ImportApplier {

    @Inject
    PasswordHasher hasher;

    @Inject
    Clients clients;

    @Inject
    AccountCache accountCache;

    @Inject
    Grants grants;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** What one apply did to one kind of entry. */
    static final class Counts {
        int created;
        int updated;
        int unchanged;
        int disabled;
        int grantsRevoked;

        @Override
        public String toString() {
            return created + " created, " + updated + " updated, " + unchanged + " unchanged"
                    + (disabled > 0 ? ", " + disabled + " disabled (" + grantsRevoked + " grants revoked)" : "");
        }
    }

    /**
     * Applies the file and records its SHA-256 in {@code import_applied}, both in this one
     * transaction. An account or client the file disables loses its grants, as when an
     * administrator disables it in the console. Returns what changed, per kind.
     */
    @Transactional
    public String apply(ImportFile file, String source, String sha256) {
        Instant now = clock.instant();
        Counts scopes = new Counts();
        Counts clientCounts = new Counts();
        Counts accounts = new Counts();
        for (ImportFile.ScopeEntry s : file.scopes()) {
            Scope existing = em.find(Scope.class, s.name());
            if (existing == null) {
                em.persist(new Scope(s.name(), s.description(), now));
                scopes.created++;
            } else if (!existing.getDescription().equals(s.description())) {
                existing.setDescription(s.description());
                scopes.updated++;
            } else {
                scopes.unchanged++;
            }
        }
        em.flush();
        List<String> known = em.createQuery("select s.name from Scope s", String.class).getResultList();
        for (ImportFile.ClientEntry c : file.clients()) {
            c.checkScopesKnown(known);
            Client existing = em.find(Client.class, c.clientId());
            if (existing == null) {
                if (c.type() == ClientType.CONFIDENTIAL && c.secret() == null) {
                    throw new ImportException(c.where() + ".secret: is required for a new confidential client");
                }
                Client client = new Client(c.clientId(), c.type(), now);
                c.applyTo(client, now);
                em.persist(client);
                clients.changed(c.clientId());
                clientCounts.created++;
            } else if (c.differsFrom(existing)) {
                boolean wasEnabled = existing.isEnabled();
                c.applyTo(existing, now);
                clients.changed(c.clientId());
                clientCounts.updated++;
                if (wasEnabled && !existing.isEnabled()) {
                    clientCounts.disabled++;
                    clientCounts.grantsRevoked += grants.revokeAllForClient(existing.getClientId(), "client disabled by import");
                }
            } else {
                clientCounts.unchanged++;
            }
        }
        for (ImportFile.AccountEntry a : file.accounts()) {
            Account existing = em.createQuery("select a from Account a where a.username = :u", Account.class)
                    .setParameter("u", a.username()).getResultStream().findFirst().orElse(null);
            if (existing == null) {
                if (a.password() == null) {
                    throw new ImportException("account " + a.username() + ": a password is required for a new account");
                }
                Account account = new Account(a.username(), a.passwordHash(hasher), a.roles(), now);
                a.applyTo(account);
                em.persist(account);
                accounts.created++;
            } else if (a.differsFrom(existing, hasher)) {
                boolean wasEnabled = existing.isEnabled();
                boolean roleRemoved = !a.roles().containsAll(existing.getRoles());
                boolean newPassword = !a.passwordMatches(existing, hasher);
                a.applyTo(existing);
                if (newPassword) {
                    existing.setPasswordHash(a.passwordHash(hasher));
                }
                boolean disabled = wasEnabled && !existing.isEnabled();
                if (roleRemoved || disabled || newPassword) {
                    existing.endSessions(); // as the console does (admin.control.AccountAdmin)
                }
                existing.touch(now);
                accountCache.changed(existing.getId());
                accounts.updated++;
                if (disabled) {
                    accounts.disabled++;
                }
                if (disabled || newPassword) {
                    accounts.grantsRevoked += grants.revokeAllForAccount(existing.getId(),
                            disabled ? "account disabled by import" : "password set by import");
                }
            } else {
                accounts.unchanged++;
            }
        }
        String summary = "scopes " + scopes + "; clients " + clientCounts + "; accounts " + accounts;
        em.createNativeQuery("insert into import_applied (sha256, file, summary, applied_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, sha256).setParameter(2, source.length() > 1000 ? source.substring(0, 1000) : source).setParameter(3, summary)
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
        audit.record(AuditType.IMPORT_APPLIED, "system", source, summary);
        return summary;
    }

    /** The SHA-256 of the file applied last, if any was. */
    @Transactional
    public Optional<String> lastApplied() {
        List<?> rows = em.createNativeQuery("select sha256 from import_applied order by id desc").setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(o -> o.toString().trim());
    }

}
