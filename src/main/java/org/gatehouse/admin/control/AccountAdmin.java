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
import org.gatehouse.user.Account;
import org.gatehouse.user.PasswordHasher;
import org.gatehouse.api.AccountNotes;
import org.gatehouse.consent.Consents;
import org.gatehouse.grant.Grants;
import org.gatehouse.user.AccountCache;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates and changes accounts. Changes take effect at once: removing a role, disabling an
 * account or resetting its password ends its browser sessions on every node at their next request
 * ({@link Account#endSessions()}; the sign-in mechanism compares the session's security stamp on
 * every request), and disabling or resetting also revokes all its grants (and with them its
 * refresh and access tokens) through {@link Grants}, as the console's revoke does. A role added
 * applies at the next request too (the roles are read on every request). An administrator cannot
 * lock themselves out.
 */
@ApplicationScoped
public class AccountAdmin {

    public static final Set<String> ROLES = Set.of(Account.ROLE_USER, Account.ROLE_ADMIN);
    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{1,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Map<String, String> SORTABLE = Map.of(
            "username", "a.username", "displayName", "a.displayName", "email", "a.email", "enabled", "a.enabled",
            "createdAt", "a.createdAt");

    /** An account as the list shows it: never the password hash. */
    public static final class Row implements Serializable {
        private final long id;
        private final String username;
        private final String displayName;
        private final String email;
        private final String roles;
        private final boolean enabled;
        private final Instant createdAt;

        public Row(Account a) {
            this.id = a.getId();
            this.username = a.getUsername();
            this.displayName = a.getDisplayName();
            this.email = a.getEmail();
            this.roles = String.join(" ", a.getRoles());
            this.enabled = a.isEnabled();
            this.createdAt = a.getCreatedAt();
        }

        public long getId() { return id; }
        public String getUsername() { return username; }
        public String getDisplayName() { return displayName; }
        public String getEmail() { return email; }
        public String getRoles() { return roles; }
        public boolean isEnabled() { return enabled; }
        public Instant getCreatedAt() { return createdAt; }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Grants grants;

    @Inject
    Consents consents;

    @Inject
    AccountNotes notes;

    @Inject
    AccountCache accountCache;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    org.gatehouse.user.BrowserSessions browserSessions;

    public long count(String search) {
        return where(em.createQuery("select count(a) from Account a" + filter(search), Long.class), search).getSingleResult();
    }

    public List<Row> page(String search, Sort sort, int first, int max) {
        return where(em.createQuery("select a from Account a" + filter(search) + sort.orderBy(SORTABLE, "a.id asc"), Account.class), search)
                .setFirstResult(first).setMaxResults(max).getResultStream().map(Row::new).toList();
    }

    private static String filter(String search) {
        return Sort.blank(search) ? "" : " where lower(a.username) like :q escape '\\' or lower(a.displayName) like :q escape '\\'"
                + " or lower(a.email) like :q escape '\\'";
    }

    private static <T> TypedQuery<T> where(TypedQuery<T> query, String search) {
        return Sort.blank(search) ? query : query.setParameter("q", Sort.contains(search));
    }

    public Optional<AccountForm> form(long id) {
        return Optional.ofNullable(em.find(Account.class, id)).map(AccountForm::of);
    }

    public Optional<String> username(long id) {
        return Optional.ofNullable(em.find(Account.class, id)).map(Account::getUsername);
    }

    @Transactional
    public long create(AccountForm f, String password, Actor actor) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String username = f.getUsername() == null ? "" : f.getUsername().trim();
        if (!USERNAME.matcher(username).matches()) {
            problems.add("username", "Username must be 2-100 characters: letters, digits, '.', '_', '@', '+' or '-'.");
        } else if (!em.createQuery("select a.id from Account a where lower(a.username) = :u", Long.class)
                .setParameter("u", username.toLowerCase()).getResultList().isEmpty()) {
            problems.add("username", "The username " + username + " is taken.");
        }
        checkDetails(f, problems);
        checkPassword("password", password, problems);
        problems.throwIfAny();

        Account account = new Account(username, hasher.hash(password), new LinkedHashSet<>(f.getRoles()), clock.instant());
        account.setDisplayName(trimToNull(f.getDisplayName()));
        account.setEmail(trimToNull(f.getEmail()));
        account.setEmailVerified(account.getEmail() != null && f.isEmailVerified()); // OIDC Core §5.1 email_verified
        account.setEnabled(f.isEnabled());
        em.persist(account);
        flush("username");
        accountCache.changed(account.getId());
        audit.record(AuditType.ACCOUNT_CREATED, actor.username(), username, "roles=" + String.join(" ", account.getRoles()), actor.address());
        return account.getId();
    }

    @Transactional
    public void update(AccountForm f, Actor actor) {
        Account account = f.getId() == null ? null : em.find(Account.class, f.getId());
        if (account == null) {
            throw new EditConflict("This account no longer exists.");
        }
        if (account.getVersion() != f.getVersion()) {
            throw new EditConflict("Someone else changed this account after you opened it. Nothing was saved: reload to see their changes.");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        checkDetails(f, problems);
        if (account.getUsername().equals(actor.username())) {
            if (!f.isEnabled()) {
                problems.add("enabled", "You cannot disable your own account.");
            }
            if (!f.getRoles().contains(Account.ROLE_ADMIN)) {
                problems.add("roles", "You cannot remove your own admin role.");
            }
        }
        problems.throwIfAny();

        boolean wasEnabled = account.isEnabled();
        boolean roleRemoved = !f.getRoles().containsAll(account.getRoles());
        Changes.Snapshot before = snapshot(account);
        account.setDisplayName(trimToNull(f.getDisplayName()));
        account.setEmail(trimToNull(f.getEmail()));
        account.setEmailVerified(account.getEmail() != null && f.isEmailVerified()); // OIDC Core §5.1 email_verified
        account.setRoles(new LinkedHashSet<>(f.getRoles()));
        account.setEnabled(f.isEnabled());
        boolean disabled = wasEnabled && !account.isEnabled();
        if (roleRemoved || disabled) {
            account.endSessions();
        }
        account.touch(clock.instant());
        flush(InvalidInput.FORM);
        accountCache.changed(account.getId());
        int revoked = disabled ? grants.revokeAllForAccount(account.getId(), "account disabled by admin") : 0;
        audit.record(AuditType.ACCOUNT_UPDATED, actor.username(), account.getUsername(),
                Changes.between(before, snapshot(account), roleRemoved || disabled ? "sessionsEnded" : null,
                        revoked > 0 ? "grantsRevoked=" + revoked : null), actor.address());
    }

    /** The fields an administrator edits, for the audit entry of an update (never the password). */
    private static Changes.Snapshot snapshot(Account a) {
        return Changes.snapshot().put("displayName", a.getDisplayName()).put("email", a.getEmail())
                .put("emailVerified", a.isEmailVerified()).put("roles", a.getRoles()).put("enabled", a.isEnabled());
    }

    @Transactional
    public void resetPassword(long id, String password, Actor actor) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        checkPassword("newPassword", password, problems);
        problems.throwIfAny();
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new EditConflict("This account no longer exists.");
        }
        account.setPasswordHash(hasher.hash(password));
        account.endSessions();
        account.touch(clock.instant());
        flush(InvalidInput.FORM);
        accountCache.changed(account.getId());
        int revoked = grants.revokeAllForAccount(account.getId(), "password reset by admin");
        audit.record(AuditType.ACCOUNT_PASSWORD_RESET, actor.username(), account.getUsername(),
                "sessionsEnded" + (revoked > 0 ? " grantsRevoked=" + revoked : ""), actor.address());
    }

    /**
     * "Sign out everywhere": a new security stamp ends every session of the account, on every node,
     * at its next request (the account cache is evicted through the change feed). Tokens already
     * issued are not touched: revoking them is the Grants page's job.
     */
    @Transactional
    public void signOutEverywhere(long id, Actor actor) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new EditConflict("This account no longer exists.");
        }
        account.endSessions();
        account.touch(clock.instant());
        flush(InvalidInput.FORM);
        accountCache.changed(account.getId());
        audit.record(AuditType.ACCOUNT_SIGNED_OUT, actor.username(), account.getUsername(), "sessionsEnded", actor.address());
    }

    /** What deleting an account takes with it, for the confirmation. */
    public record DeletionImpact(long liveGrants, long consents) implements Serializable {
        // Faces EL 5 reads bean getters, not record accessors
        public long getLiveGrants() { return liveGrants; }
        public long getConsents() { return consents; }
    }

    public DeletionImpact deletionImpact(long id) {
        return new DeletionImpact(grants.count(Grants.Filter.live(null, id)), consents.forAccount(id).size());
    }

    /**
     * Deletes an account: its grants are revoked (refresh tokens stop, the API refuses its access
     * tokens), its consents and notes go, each through the store that owns
     * them, and every session of it ends at its next request on every node (the account is gone
     * from the cache through the change feed). The audit trail is kept: events name the account
     * by username, which stays readable after the row is gone. An administrator cannot delete
     * the account they are signed in with.
     *
     * @return the number of grants revoked
     */
    @Transactional
    public int delete(long id, Actor actor) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new EditConflict("This account no longer exists.");
        }
        if (account.getUsername().equals(actor.username())) {
            throw InvalidInput.of(InvalidInput.FORM, "You cannot delete the account you are signed in with.");
        }
        int revoked = grants.revokeAllForAccount(id, "account deleted by admin");
        int forgotten = consents.forgetAllForAccount(id);
        int deletedNotes = notes.deleteAll(id);
        browserSessions.forgetAllForAccount(id);
        em.remove(account);
        flush(InvalidInput.FORM);
        accountCache.changed(id);
        audit.record(AuditType.ACCOUNT_DELETED, actor.username(), account.getUsername(),
                "grantsRevoked=" + revoked + " consentsForgotten=" + forgotten + " notesDeleted=" + deletedNotes,
                actor.address());
        return revoked;
    }

    private static void checkDetails(AccountForm f, InvalidInput.Collector problems) {
        if (f.getRoles().isEmpty()) {
            problems.add("roles", "Choose at least one role.");
        } else if (!ROLES.containsAll(f.getRoles())) {
            problems.add("roles", "Unknown role: only user and admin exist.");
        }
        if (f.getDisplayName() != null && f.getDisplayName().trim().length() > 200) {
            problems.add("displayName", "Display name must be at most 200 characters.");
        }
        String email = trimToNull(f.getEmail());
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            problems.add("email", "This is not an e-mail address.");
        }
    }

    private static void checkPassword(String field, String password, InvalidInput.Collector problems) {
        if (password == null || password.length() < MIN_PASSWORD) {
            problems.add(field, "The password must have at least " + MIN_PASSWORD + " characters.");
        } else if (password.length() > 200) {
            problems.add(field, "The password must have at most 200 characters.");
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void flush(String field) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new EditConflict("Someone else changed this account at the same moment. Nothing was saved: reload and try again.");
        } catch (PersistenceException e) {
            throw InvalidInput.of(field, "This could not be saved: the username is taken.");
        }
    }
}
