package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.gatehouse.audit.AuditEvent;

import java.util.List;
import java.util.Map;

/** The audit log as the console reads it: filtered by type and by text (actor, subject, detail), paged. */
@ApplicationScoped
public class AuditQuery {

    private static final Map<String, String> SORTABLE = Map.of(
            "occurredAt", "e.occurredAt", "type", "e.type", "actor", "e.actor", "subject", "e.subject");

    @PersistenceContext
    EntityManager em;

    public long count(String type, String text) {
        return bind(em.createQuery("select count(e) from AuditEvent e" + where(type, text), Long.class), type, text).getSingleResult();
    }

    public List<AuditEvent> page(String type, String text, Sort sort, int first, int max) {
        String jpql = "select e from AuditEvent e" + where(type, text) + sort.orderBy(SORTABLE, "e.id desc");
        return bind(em.createQuery(jpql, AuditEvent.class), type, text).setFirstResult(first).setMaxResults(max).getResultList();
    }

    private static String where(String type, String text) {
        String w = " where 1 = 1";
        if (!Sort.blank(type)) {
            w += " and e.type = :type";
        }
        if (!Sort.blank(text)) {
            w += " and (lower(e.actor) like :q escape '\\' or lower(e.subject) like :q escape '\\'"
                    + " or lower(e.detail) like :q escape '\\')";
        }
        return w;
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String type, String text) {
        if (!Sort.blank(type)) {
            query.setParameter("type", type);
        }
        if (!Sort.blank(text)) {
            query.setParameter("q", Sort.contains(text));
        }
        return query;
    }
}
