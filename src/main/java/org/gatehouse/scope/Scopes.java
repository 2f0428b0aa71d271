package org.gatehouse.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scope catalogue. */
@ApplicationScoped
@Transactional
public class Scopes {

    @PersistenceContext
    EntityManager em;

    public List<Scope> all() {
        return em.createQuery("select s from Scope s order by s.name", Scope.class).getResultList();
    }

    /** Descriptions for the given scope names, in the order given; unknown names describe themselves. */
    public Map<String, String> describe(Set<String> names) {
        Map<String, String> known = new LinkedHashMap<>();
        all().forEach(s -> known.put(s.getName(), s.getDescription()));
        Map<String, String> result = new LinkedHashMap<>();
        names.forEach(n -> result.put(n, known.getOrDefault(n, n)));
        return result;
    }
}
