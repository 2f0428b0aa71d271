package org.gatehouse.user;

import java.time.Instant;
import java.util.Set;

/** An immutable snapshot of an account, as the token issuer, the API and the session check need it. */
public record AccountView(long id, String subject, String username, String displayName, String email,
                          boolean emailVerified, Set<String> roles, boolean enabled, Instant updatedAt, long securityStamp) {

    static AccountView of(Account a) {
        return new AccountView(a.getId(), a.getSubject(), a.getUsername(), a.getDisplayName(), a.getEmail(),
                a.isEmailVerified(), Set.copyOf(a.getRoles()), a.isEnabled(), a.getUpdatedAt(),
                a.getSecurityStamp());
    }
}
