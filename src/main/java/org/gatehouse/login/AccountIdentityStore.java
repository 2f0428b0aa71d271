package org.gatehouse.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.gatehouse.user.Account;
import org.gatehouse.user.Accounts;
import org.gatehouse.user.PasswordHasher;

import java.util.Optional;

/**
 * Validates a username and password against the account store. An unknown username costs the
 * same Argon2id verification as a known one, so timing does not reveal which accounts exist.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    PasswordHasher hasher;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String password = credential.getPasswordAsString();
        Optional<Account> account = accounts.byUsername(credential.getCaller());
        if (account.isEmpty()) {
            hasher.verifyDecoy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Account a = account.get();
        if (!hasher.verify(password, a.getPasswordHash()) || !a.isEnabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(null, a.getUsername(), null, String.valueOf(a.getId()), a.getRoles());
    }
}
