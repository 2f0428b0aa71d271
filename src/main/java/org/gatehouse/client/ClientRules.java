package org.gatehouse.client;

import org.gatehouse.config.TokenSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule set a client registration must pass, whoever registers it: the admin console
 * (admin.control.ClientRules adds only its client-id format), the import file
 * (bootstrap.ImportFile) and dynamic registration (registration.RegistrationMetadata, RFC 7591).
 * Pure: the scope catalogue is passed in. Each caller words the problems for its own audience
 * (form fields, file paths, RFC 7591 error JSON) from the field, the index and the message here.
 * <ul>
 *   <li>a name, at most {@link #MAX_NAME} characters;</li>
 *   <li>a type, and an authentication method that fits it: {@code none} for a public client,
 *       {@code client_secret_basic} or {@code client_secret_post} for a confidential one
 *       (RFC 6749 §2.3.1);</li>
 *   <li>redirect URIs by {@link RedirectUriRules} (exact, https or loopback http or a
 *       private-use scheme, no fragment), none listed twice, at most {@value #MAX_REDIRECT_URIS_TOTAL}
 *       characters together (the {@code client.redirect_uris} column); post-logout redirect URIs
 *       (OpenID Connect RP-Initiated Logout 1.0 §3.1) by the same rules, in their own column;</li>
 *   <li>grant types by {@link GrantTypes};</li>
 *   <li>at least one allowed scope (not required of the import file), each in the catalogue;
 *       default scopes among the allowed;</li>
 *   <li>token lifetimes within the caps of {@link TokenSettings}, at least a minute.</li>
 * </ul>
 */
public final class ClientRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_REDIRECT_URIS_TOTAL = 4000;
    /** The {@code client.allowed_scopes} column. */
    public static final int MAX_SCOPES_TOTAL = 2000;
    public static final int MIN_TTL = 60;
    public static final int MAX_ACCESS_TTL = (int) TokenSettings.MAX_ACCESS_TTL.toSeconds();
    public static final int MAX_REFRESH_TTL = (int) TokenSettings.MAX_REFRESH_TTL.toSeconds();

    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String AUTH_METHOD = "authMethod";
    public static final String REDIRECT_URIS = GrantTypes.REDIRECT_URIS_FIELD;
    public static final String POST_LOGOUT_REDIRECT_URIS = "postLogoutRedirectUris";
    public static final String GRANT_TYPES = GrantTypes.FIELD;
    public static final String ALLOWED_SCOPES = "allowedScopes";
    public static final String DEFAULT_SCOPES = "defaultScopes";
    public static final String ACCESS_TTL = "accessTokenTtl";
    public static final String REFRESH_TTL = "refreshTokenTtl";

    /**
     * What is to be registered, however it was entered. Lifetimes in seconds, null for the server
     * default. {@code postLogoutRedirectUris}: OpenID Connect RP-Initiated Logout 1.0 §3.1, none by default.
     */
    public record Draft(String name, ClientType type, AuthMethod authMethod, List<String> redirectUris,
                        Collection<String> allowedScopes, Collection<String> defaultScopes,
                        Collection<String> grantTypes, Integer accessTtl, Integer refreshTtl,
                        List<String> postLogoutRedirectUris) {

        public Draft {
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris;
        }

        /** A draft without post-logout redirect URIs. */
        public Draft(String name, ClientType type, AuthMethod authMethod, List<String> redirectUris,
                     Collection<String> allowedScopes, Collection<String> defaultScopes,
                     Collection<String> grantTypes, Integer accessTtl, Integer refreshTtl) {
            this(name, type, authMethod, redirectUris, allowedScopes, defaultScopes, grantTypes, accessTtl, refreshTtl, List.of());
        }
    }

    /**
     * One broken rule. {@code index} is the position of the offending redirect URI (else -1),
     * {@code value} that URI or scope (else null), {@code message} a sentence for the operator.
     */
    public record Problem(String field, int index, String value, String message) {

        /** The message with the redirect URI's line in front, as the admin form shows it. */
        public String atLine() {
            return index < 0 ? message : "Line " + (index + 1) + ": " + value + " " + message + ".";
        }
    }

    private ClientRules() {
    }

    /** Every rule the draft breaks, in field order; empty if it may be saved. {@code knownScopes} null: not checked here. */
    public static List<Problem> problems(Draft d, Set<String> knownScopes) {
        return problems(d, knownScopes, true);
    }

    /**
     * The same, where {@code scopeRequired} false lets a client be declared without allowed
     * scopes: only the import file, whose files could always do so (a start-up must not fail on a
     * file that was valid before); the console and dynamic registration always require one.
     */
    public static List<Problem> problems(Draft d, Set<String> knownScopes, boolean scopeRequired) {
        List<Problem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty()) {
            problems.add(plain(NAME, "Name is required."));
        } else if (name.length() > MAX_NAME) {
            problems.add(plain(NAME, "Name must be at most " + MAX_NAME + " characters."));
        }
        if (d.type() == null) {
            problems.add(plain(TYPE, "Choose a client type."));
        } else if (d.type() == ClientType.CONFIDENTIAL && (d.authMethod() == null || d.authMethod() == AuthMethod.NONE)) {
            problems.add(plain(AUTH_METHOD, "A confidential client authenticates with its secret: choose client_secret_basic or client_secret_post."));
        } else if (d.type() == ClientType.PUBLIC && d.authMethod() != AuthMethod.NONE) {
            problems.add(plain(AUTH_METHOD, "A public client has no secret: its authentication method is none."));
        }
        uris(REDIRECT_URIS, "Redirect URIs", d.redirectUris(), problems);
        uris(POST_LOGOUT_REDIRECT_URIS, "Post-logout redirect URIs", d.postLogoutRedirectUris(), problems);
        GrantTypes.problems(d.type(), d.grantTypes(), d.redirectUris())
                .forEach(p -> problems.add(plain(p.field(), p.message())));
        scopes(d.allowedScopes(), d.defaultScopes(), knownScopes, scopeRequired, problems);
        ttl(ACCESS_TTL, d.accessTtl(), MAX_ACCESS_TTL, problems);
        ttl(REFRESH_TTL, d.refreshTtl(), MAX_REFRESH_TTL, problems);
        return problems;
    }

    /** The scopes of {@code allowed} the catalogue does not hold, as problems of {@link #ALLOWED_SCOPES}. */
    public static List<Problem> unknownScopes(Collection<String> allowed, Collection<String> known) {
        List<Problem> problems = new ArrayList<>();
        for (String s : allowed) {
            if (!known.contains(s)) {
                problems.add(new Problem(ALLOWED_SCOPES, -1, s, "Unknown scope: " + s + " (it is not in the scope catalogue)."));
            }
        }
        return problems;
    }

    /** Redirect URIs and post-logout redirect URIs obey the same rules (both are matched exactly). */
    private static void uris(String field, String label, List<String> uris, List<Problem> problems) {
        if (String.join("\n", uris).length() > MAX_REDIRECT_URIS_TOTAL) {
            problems.add(plain(field, label + " must fit in " + MAX_REDIRECT_URIS_TOTAL + " characters in total."));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            int index = i;
            RedirectUriRules.problem(uri).ifPresent(p -> problems.add(new Problem(field, index, uri, p)));
            if (!seen.add(uri)) {
                problems.add(new Problem(field, index, uri, "is listed twice"));
            }
        }
    }

    private static void scopes(Collection<String> allowed, Collection<String> defaults, Set<String> known,
                               boolean required, List<Problem> problems) {
        if (known != null) {
            problems.addAll(unknownScopes(allowed, known));
        }
        if (String.join(" ", allowed).length() > MAX_SCOPES_TOTAL) {
            problems.add(plain(ALLOWED_SCOPES, "Allowed scopes must fit in " + MAX_SCOPES_TOTAL + " characters in total."));
        }
        for (String s : defaults) {
            if (!allowed.contains(s)) {
                problems.add(new Problem(DEFAULT_SCOPES, -1, s, "Default scope " + s + " must also be allowed."));
            }
        }
        if (required && allowed.isEmpty()) {
            problems.add(plain(ALLOWED_SCOPES, "Allow at least one scope."));
        }
    }

    private static void ttl(String field, Integer seconds, int max, List<Problem> problems) {
        if (seconds != null && (seconds < MIN_TTL || seconds > max)) {
            problems.add(plain(field, "Must be between " + MIN_TTL + " and " + max + " seconds, or empty for the server default."));
        }
    }

    private static Problem plain(String field, String message) {
        return new Problem(field, -1, null, message);
    }
}
