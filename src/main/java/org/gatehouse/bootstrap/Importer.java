package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.Client;
import org.gatehouse.client.Clients;
import org.gatehouse.config.BootstrapSettings;
import org.gatehouse.scope.Scope;
import org.gatehouse.user.Account;
import org.gatehouse.user.PasswordHasher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Declarative provisioning: the JSON file named by {@code gatehouse.import} is read, every entry
 * validated, and only then applied in one transaction. Applying it again changes nothing;
 * changing an entry updates it; nothing is ever duplicated or deleted. A bad file is rejected
 * whole, with the offending entry named (e.g. {@code clients[2].redirectUris[0]: ...}).
 */
@ApplicationScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class.getName());

    @Inject
    BootstrapSettings settings;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clients clients;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** Reads and validates the file; throws {@link ImportException} naming the bad entry. */
    public ImportFile read(Path file) {
        if (!Files.isReadable(file)) {
            throw new ImportException(file + ": file not found or not readable");
        }
        try (Reader reader = Files.newBufferedReader(file); JsonReader json = Json.createReader(reader)) {
            JsonObject root = json.readObject();
            return ImportFile.parse(root);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new ImportException(file + ": not a valid JSON object (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read");
        }
    }

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
                if (c.type() == org.gatehouse.client.ClientType.CONFIDENTIAL && c.secret() == null) {
                    throw new ImportException(c.where() + ".secret: is required for a new confidential client");
                }
                Client client = new Client(c.clientId(), c.type(), now);
                c.applyTo(client, now);
                em.persist(client);
                created++;
            } else if (c.differsFrom(existing)) {
                c.applyTo(existing, now);
                updated++;
            }
            clients.evict(c.clientId());
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
                a.applyTo(existing);
                if (!a.passwordMatches(existing, hasher)) {
                    existing.setPasswordHash(a.passwordHash(hasher));
                }
                existing.touch(now);
                updated++;
            }
        }
        String summary = created + " created, " + updated + " updated";
        audit.record(AuditType.IMPORT_APPLIED, "system", String.valueOf(settings.importFile().orElse(null)), summary);
        return summary;
    }

    /** Imports the configured file, if any; a bad file is reported and nothing of it is applied. */
    public void importConfigured(ImportStatus status) {
        settings.importFile().ifPresent(path -> {
            try {
                String summary = apply(read(path));
                LOG.info(() -> "Imported " + path + ": " + summary);
            } catch (ImportException e) {
                status.failed(e.getMessage());
                LOG.severe("Import rejected, nothing was imported: " + e.getMessage());
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof ImportException)) {
                    cause = cause.getCause();
                }
                String message = cause instanceof ImportException ? cause.getMessage()
                        : path + ": could not be applied (" + cause.getClass().getSimpleName() + ")";
                status.failed(message);
                LOG.severe("Import rejected, nothing was imported: " + message);
            }
        });
    }

}
