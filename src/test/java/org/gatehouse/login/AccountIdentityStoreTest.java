package org.gatehouse.login;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.gatehouse.config.PasswordSettings;
import org.gatehouse.user.Account;
import org.gatehouse.user.Accounts;
import org.gatehouse.user.PasswordHasher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A successful sign-in re-hashes a password stored under other Argon2id parameters; nothing else does. */
class AccountIdentityStoreTest {

    private static final String PASSWORD = "correct horse";
    private static final PasswordHasher OLD = new PasswordHasher(new PasswordSettings(7 * 1024, 5, 1));

    /**
     * One account row: {@code stored} is its password_hash; a sign-in reads {@code staleRead}
     * instead when another sign-in re-hashed the row after this one read it. The write is the
     * conditional UPDATE of {@link Accounts#replacePasswordHash}.
     */
    private static final class Store extends Accounts {
        Account account;
        String stored;
        String staleRead;
        final List<String> written = new ArrayList<>();
        boolean failing;

        @Override
        public Optional<Account> byUsername(String username) {
            if (account == null || !account.getUsername().equals(username)) {
                return Optional.empty();
            }
            account.setPasswordHash(staleRead != null ? staleRead : stored);
            return Optional.of(account);
        }

        @Override
        public boolean replacePasswordHash(long id, String expected, String replacement) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            if (id != account.getId() || !stored.equals(expected)) {
                return false;
            }
            stored = replacement;
            written.add(replacement);
            return true;
        }
    }

    private final Store store = new Store();
    private final PasswordHasher current = new PasswordHasher(PasswordSettings.defaults());
    private final AccountIdentityStore identities = new AccountIdentityStore();

    AccountIdentityStoreTest() {
        identities.accounts = store;
        identities.hasher = current;
    }

    private void account(String hash, boolean enabled) throws Exception {
        Account a = new Account("alice", hash, Set.of(Account.ROLE_USER), Instant.now());
        a.setEnabled(enabled);
        var id = Account.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(a, 42L);
        store.account = a;
        store.stored = hash;
    }

    private CredentialValidationResult.Status signIn(String username, String password) {
        return identities.validate(new UsernamePasswordCredential(username, password)).getStatus();
    }

    @Test
    void aSuccessfulSignInStoresAHashWithTheConfiguredParameters() throws Exception {
        account(OLD.hash(PASSWORD), true);
        assertEquals(CredentialValidationResult.Status.VALID, signIn("alice", PASSWORD));
        assertEquals(1, store.written.size());
        assertTrue(store.stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), store.stored);
        assertTrue(current.verify(PASSWORD, store.stored));
        assertFalse(current.needsRehash(store.stored));

        assertEquals(CredentialValidationResult.Status.VALID, signIn("alice", PASSWORD));
        assertEquals(1, store.written.size(), "a current hash is not written again");
    }

    @Test
    void aSignInThatLostTheRaceStillSucceedsAndKeepsTheWinnersHash() throws Exception {
        String old = OLD.hash(PASSWORD);
        account(old, true);
        String winner = current.hash(PASSWORD);
        store.stored = winner; // the other sign-in wrote after this one read the old hash
        store.staleRead = old;
        assertEquals(CredentialValidationResult.Status.VALID, signIn("alice", PASSWORD));
        assertTrue(store.written.isEmpty(), "the conditional UPDATE matched nothing");
        assertEquals(winner, store.stored);
    }

    @Test
    void wrongPasswordsDisabledAccountsAndUnknownUsersWriteNothing() throws Exception {
        String old = OLD.hash(PASSWORD);
        account(old, true);
        assertEquals(CredentialValidationResult.Status.INVALID, signIn("alice", PASSWORD + "!"));
        account(old, false);
        assertEquals(CredentialValidationResult.Status.INVALID, signIn("alice", PASSWORD));
        assertEquals(CredentialValidationResult.Status.INVALID, signIn("mallory", PASSWORD));
        assertTrue(store.written.isEmpty());
        assertEquals(old, store.stored);
    }

    @Test
    void aFailedWriteDoesNotFailTheSignIn() throws Exception {
        String old = OLD.hash(PASSWORD);
        account(old, true);
        store.failing = true;
        assertEquals(CredentialValidationResult.Status.VALID, signIn("alice", PASSWORD));
        assertEquals(old, store.stored);
    }
}
