package org.gatehouse.login;

import org.gatehouse.platform.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.gatehouse.user.Account;
import org.gatehouse.user.Accounts;
import org.gatehouse.user.PasswordHasher;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Validates a username and password against the account store. An unknown username costs the
 * same Argon2id verification as a known one (the decoy hash uses the configured parameters), so
 * timing does not reveal which accounts exist. After a successful sign-in a password stored under
 * other Argon2id parameters than the configured ones is hashed again and stored (the password is
 * at hand only now), so raising {@code gatehouse.password.argon2.*} upgrades accounts as they sign in.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    /** Longer passwords are refused unhashed: Argon2 of a megabyte is a denial of service, not a password (NIST SP 800-63B allows a cap of at least 64). */
    static final int MAX_PASSWORD_LENGTH = 1024;

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    PasswordHasher hasher;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String password = credential.getPasswordAsString();
        String username = credential.getCaller();
        if (username == null || username.length() > Account.MAX_USERNAME_LENGTH || StoredText.hasNul(username)
                || password.length() > MAX_PASSWORD_LENGTH) {
            hasher.verifyDecoy(password.length() > MAX_PASSWORD_LENGTH ? "" : password); // never looked up; the same cost
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Account> account = accounts.byUsername(username);
        if (account.isEmpty()) {
            hasher.verifyDecoy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Account a = account.get();
        if (!hasher.verify(password, a.getPasswordHash()) || !a.isEnabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (hasher.needsRehash(a.getPasswordHash())) {
            rehash(a, password);
        }
        return new CredentialValidationResult(null, a.getUsername(), null, String.valueOf(a.getId()), a.getRoles());
    }

    /**
     * Hashes outside any transaction, then stores it only if the stored hash is still the one just
     * verified; a failure to store costs nothing but another try at the next sign-in.
     */
    private void rehash(Account a, String password) {
        try {
            if (accounts.replacePasswordHash(a.getId(), a.getPasswordHash(), hasher.hash(password))) {
                LOG.info(() -> "Re-hashed the password of account " + a.getId() + " with the configured Argon2id parameters");
            }
        } catch (RuntimeException e) {
            LOG.warning("Could not store the re-hashed password of account " + a.getId() + ": " + e.getClass().getName());
        }
    }
}
