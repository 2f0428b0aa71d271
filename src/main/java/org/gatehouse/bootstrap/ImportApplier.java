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
import org.gatehouse.config.BootstrapSettings;
import org.gatehouse.grant.Grants;
import org.gatehouse.scope.Scope;
import org.gatehouse.user.Account;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.PasswordHasher;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Applies a validated {@link ImportFile} in one transaction: all of it, or (on any error) none. */
@ApplicationScoped
public class ImportApplier {

    @Inject
    BootstrapSettings settings;

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

    @Transactional
    public String apply(ImportFile file) {
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        for (ImportFile.ScopeEntry s : file.scopes()) {
            Scope existing = em.find(Scope.class, s.name());
            if (existing == null) {
                em.persist(new Scope(s.name(), s.description(), now));
                created++;
            } else if (!existing.getDescription().equals(s.description())) {
                existing.setDescription(s.description());
                updated++;
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
                created++;
            } else if (c.differsFrom(existing)) {
                c.applyTo(existing, now);
                clients.changed(c.clientId());
                updated++;
            }
        }
        for (ImportFile.AccountEntry a : file.accounts()) {
            Account existing = em.createQuery("select a from Account a where a.username = :u", Account.class)
                    .setParameter("u", a.username()).getResultStream().findFirst().orElse(null);
            if (existing == null) {
                Account account = new Account(a.username(), a.passwordHash(hasher), a.roles(), now);
                a.applyTo(account);
                em.persist(account);
                created++;
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
                if (disabled || newPassword) {
                    grants.revokeAllForAccount(existing.getId(), disabled ? "account disabled by import" : "password set by import");
                }
                updated++;
            }
        }
        String summary = created + " created, " + updated + " updated";
        audit.record(AuditType.IMPORT_APPLIED, "system", String.valueOf(settings.importFile().orElse(null)), summary);
        return summary;
    }

}
