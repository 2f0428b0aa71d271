package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.scope.Scope;
import org.gatehouse.scope.ScopeNames;

import java.io.Serializable;
import java.time.Clock;
import java.util.List;

/**
 * The scope catalogue (RFC 6749 §3.3): names clients may be allowed, with the description the
 * consent page shows. Names follow {@link ScopeNames} (no page role names). A scope that any client
 * still allows cannot be deleted.
 */
@ApplicationScoped
public class ScopeAdmin {

    /** A scope row; the description is editable in place. */
    public static final class Row implements Serializable {
        private final String name;
        private String description;

        public Row(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public String getName() { return name; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<Row> all() {
        return em.createQuery("select s from Scope s order by s.name", Scope.class).getResultStream()
                .map(s -> new Row(s.getName(), s.getDescription())).toList();
    }

    public List<String> names() {
        return em.createQuery("select s.name from Scope s order by s.name", String.class).getResultList();
    }

    @Transactional
    public void create(String name, String description, Actor actor) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String n = name == null ? "" : name.trim();
        var problem = ScopeNames.problem(n);
        if (problem.isPresent()) {
            problems.add("name", "The name " + n + " " + problem.get() + ".");
        } else if (em.find(Scope.class, n) != null) {
            problems.add("name", "The scope " + n + " already exists.");
        }
        checkDescription("description", description, problems);
        problems.throwIfAny();
        em.persist(new Scope(n, description.trim(), clock.instant()));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw InvalidInput.of("name", "The scope " + n + " already exists.");
        }
        audit.record(AuditType.SCOPE_SAVED, actor.username(), n, "created", actor.address());
    }

    @Transactional
    public void describe(String name, String description, Actor actor) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        checkDescription(InvalidInput.FORM, description, problems);
        problems.throwIfAny();
        Scope scope = em.find(Scope.class, name);
        if (scope == null) {
            throw new EditConflict("The scope " + name + " no longer exists.");
        }
        Changes.Snapshot before = Changes.snapshot().put("description", scope.getDescription());
        scope.setDescription(description.trim());
        audit.record(AuditType.SCOPE_SAVED, actor.username(), name,
                Changes.between(before, Changes.snapshot().put("description", scope.getDescription())), actor.address());
    }

    @Transactional
    public void delete(String name, Actor actor) {
        checkDeletable(name);
        Scope scope = em.find(Scope.class, name);
        if (scope == null) {
            throw new EditConflict("The scope " + name + " no longer exists.");
        }
        em.remove(scope);
        audit.record(AuditType.SCOPE_DELETED, actor.username(), name, null, actor.address());
    }

    /** Refuses (as form input) a scope some client still allows: the one rule, asked before the confirmation and again on delete. */
    public void checkDeletable(String name) {
        List<String> users = clientsAllowing(name);
        if (!users.isEmpty()) {
            throw InvalidInput.of(InvalidInput.FORM, "The scope " + name + " cannot be deleted: " + users.size()
                    + " client(s) still allow it (" + String.join(", ", users.subList(0, Math.min(5, users.size())))
                    + (users.size() > 5 ? ", …" : "") + "). Remove it from them first.");
        }
    }

    /** Client ids whose allowed scopes contain the name (a space-separated column: match whole tokens). */
    @SuppressWarnings("unchecked")
    public List<String> clientsAllowing(String name) {
        return em.createNativeQuery("select client_id from client where concat(concat(' ', allowed_scopes), ' ') like ?1"
                        + " escape '!' order by client_id")
                .setParameter(1, "% " + name.replace("!", "!!").replace("%", "!%").replace("_", "!_") + " %")
                .getResultList();
    }

    private static void checkDescription(String field, String description, InvalidInput.Collector problems) {
        if (description == null || description.isBlank()) {
            problems.add(field, "A description is required: the consent page shows it to users.");
        } else if (description.trim().length() > 500) {
            problems.add(field, "The description must be at most 500 characters.");
        }
    }
}
