package org.gatehouse.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The notes of one account as a whole, for the one caller outside the API that needs them: the
 * deletion of the account (admin.control.AccountAdmin). The {@code note} table stays this
 * package's; nothing else writes it.
 */
@ApplicationScoped
public class AccountNotes {

    @PersistenceContext
    EntityManager em;

    /** Deletes every note of the account, in the caller's transaction; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteAll(long accountId) {
        return em.createQuery("delete from Note n where n.accountId = :a").setParameter("a", accountId).executeUpdate();
    }
}
