package org.gatehouse.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Remembered consents: an account's standing approval of scopes for a client. */
@ApplicationScoped
@Transactional
public class Consents {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** True if the account already approved every one of these scopes for the client. */
    public boolean covers(long accountId, String clientId, Set<String> scopes) {
        Consent c = em.find(Consent.class, new Consent.Key(accountId, clientId));
        return c != null && c.covers(scopes);
    }

    public void remember(long accountId, String clientId, Set<String> scopes) {
        Consent c = em.find(Consent.class, new Consent.Key(accountId, clientId));
        if (c == null) {
            em.persist(new Consent(accountId, clientId, scopes, clock.instant()));
        } else {
            c.widen(scopes, clock.instant());
        }
    }

    public List<Consent> forAccount(long accountId) {
        return em.createQuery("select c from Consent c where c.accountId = :a order by c.clientId", Consent.class)
                .setParameter("a", accountId).getResultList();
    }

    public List<Consent> forClient(String clientId) {
        return em.createQuery("select c from Consent c where c.clientId = :c order by c.accountId", Consent.class)
                .setParameter("c", clientId).getResultList();
    }

    /** Forgets every consent given to a client (the client is deleted). */
    public int forgetAllForClient(String clientId) {
        return em.createQuery("delete from Consent c where c.clientId = :c").setParameter("c", clientId).executeUpdate();
    }

    /** Forgets every consent an account gave (the account is deleted). */
    public int forgetAllForAccount(long accountId) {
        return em.createQuery("delete from Consent c where c.accountId = :a").setParameter("a", accountId).executeUpdate();
    }

    /** Forgets a consent: the next request asks again. */
    public boolean forget(long accountId, String clientId) {
        return em.createQuery("delete from Consent c where c.accountId = :a and c.clientId = :c")
                .setParameter("a", accountId).setParameter("c", clientId).executeUpdate() == 1;
    }
}
