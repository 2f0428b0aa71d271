package org.gatehouse.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** The account store. */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    public Optional<Account> byUsername(String username) {
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    public long count() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    /**
     * Stores a new hash of the account's password in place of {@code expected}, in one conditional
     * UPDATE: if the stored hash is no longer {@code expected} (another sign-in re-hashed it first,
     * or an administrator reset the password meanwhile), nothing is written. The version is left
     * alone on purpose: the password did not change, so an administrator's open edit of the account
     * must not turn into an edit conflict.
     *
     * @return whether this call replaced the hash
     */
    public boolean replacePasswordHash(long id, String expected, String replacement) {
        return em.createQuery("update Account a set a.passwordHash = :replacement where a.id = :id and a.passwordHash = :expected")
                .setParameter("replacement", replacement).setParameter("id", id).setParameter("expected", expected)
                .executeUpdate() == 1;
    }

    public Account create(String username, String password, Set<String> roles) {
        Account account = new Account(username, hasher.hash(password), roles, clock.instant());
        em.persist(account);
        return account;
    }
}
