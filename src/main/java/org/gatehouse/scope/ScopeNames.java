package org.gatehouse.scope;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a scope may be called, one rule for the admin console and the import file: an RFC 6749
 * §3.3 scope-token of 1-100 characters, and never the name of a page role. Scopes and roles live
 * in separate worlds (a bearer caller has no container role, see {@code login}), and reserving
 * the role names keeps it so: no scope can ever read like {@code admin} to a reader, a log or a
 * future mapping. The reserved names are the roles {@code WEB-INF/web.xml} declares and its
 * security constraints use; {@code ScopeNamesTest} keeps the two lists equal.
 */
public final class ScopeNames {

    /** RFC 6749 §3.3 scope-token: printable ASCII except space, '"' and '\'. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

    /** The page roles of {@code WEB-INF/web.xml} (accounts' roles, see {@code user.Account}). */
    public static final Set<String> RESERVED = Set.of("admin", "user");

    private ScopeNames() {
    }

    /** Why {@code name} cannot be a scope, or empty if it can. Reserved names are compared ignoring case. */
    public static Optional<String> problem(String name) {
        if (name == null || !SCOPE_TOKEN.matcher(name).matches()) {
            return Optional.of("is not a scope token: 1-100 printable characters without spaces, quotes or backslashes (RFC 6749 §3.3)");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("is reserved: it is the name of a page role (" + String.join(", ", RESERVED.stream().sorted().toList())
                    + "), and scopes are never roles");
        }
        return Optional.empty();
    }
}
