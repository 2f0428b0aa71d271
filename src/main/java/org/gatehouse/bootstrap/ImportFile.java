package org.gatehouse.bootstrap;

import org.gatehouse.config.TokenSettings;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.client.ClientRules;
import org.gatehouse.client.RedirectUriRules;
import org.gatehouse.scope.ScopeNames;
import org.gatehouse.platform.Secrets;
import org.gatehouse.user.Account;
import org.gatehouse.user.PasswordHasher;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed and validated import file. Shape (every section optional):
 * <pre>{@code
 * { "scopes":   [ {"name": "...", "description": "..."} ],
 *   "clients":  [ {"clientId", "name", "type": "confidential|public", "authMethod", "secret",
 *                  "redirectUris": [], "postLogoutRedirectUris": [], "allowedScopes": [], "defaultScopes": [], "requirePkce",
 *                  "grantTypes": ["authorization_code", "refresh_token"],
 *                  "accessTokenTtl": "PT5M", "refreshTokenTtl": "P1D", "enabled"} ],
 *   "accounts": [ {"username", "password", "displayName", "email", "emailVerified", "roles": [], "enabled"} ] }
 * }</pre>
 * Each client is judged by the one rule set of the admin console and of dynamic registration
 * ({@link ClientRules}: {@link RedirectUriRules}, {@link GrantTypes}, scopes, lifetimes).
 */
public record ImportFile(List<ScopeEntry> scopes, List<ClientEntry> clients, List<AccountEntry> accounts) {

    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,100}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");
    static final int MIN_SECRET_LENGTH = 32;
    static final Set<String> ROLES = Set.of(Account.ROLE_USER, Account.ROLE_ADMIN);

    /** A scope to declare. */
    public record ScopeEntry(String name, String description) {
    }

    /** A client to declare; {@code secret} is hashed before it is stored. */
    public record ClientEntry(String where, String clientId, String name, ClientType type, AuthMethod authMethod,
                              String secret, List<String> redirectUris, Set<String> allowedScopes,
                              Set<String> defaultScopes, Set<String> grantTypes, boolean requirePkce, Integer accessTtl, Integer refreshTtl,
                              boolean enabled, List<String> postLogoutRedirectUris) {

        void checkScopesKnown(Collection<String> known) {
            ClientRules.unknownScopes(allowedScopes, known).stream().findFirst().ifPresent(p -> {
                throw new ImportException(where + ".allowedScopes: unknown scope '" + p.value() + "'");
            });
        }

        boolean differsFrom(Client c) {
            return !Objects.equals(name, c.getName()) || type != c.getType() || authMethod != c.getAuthMethod()
                    || (secret != null && !Secrets.constantTimeEquals(Secrets.sha256(secret), c.getSecretHash()))
                    || !redirectUris.equals(c.getRedirectUris())
                    || !postLogoutRedirectUris.equals(c.getPostLogoutRedirectUris()) || !allowedScopes.equals(c.getAllowedScopes())
                    || !defaultScopes.equals(c.getDefaultScopes()) || !grantTypes.equals(c.getGrantTypes())
                    || requirePkce != c.isRequirePkce()
                    || !Objects.equals(accessTtl, c.getAccessTokenTtlSeconds())
                    || !Objects.equals(refreshTtl, c.getRefreshTokenTtlSeconds()) || enabled != c.isEnabled();
        }

        void applyTo(Client c, Instant now) {
            c.setName(name);
            c.setType(type);
            c.setAuthMethod(authMethod);
            if (secret != null) {
                c.setSecretHash(Secrets.sha256(secret));
            }
            if (type == ClientType.PUBLIC) {
                c.setSecretHash(null);
            }
            c.setRedirectUris(redirectUris);
            c.setPostLogoutRedirectUris(postLogoutRedirectUris);
            c.setAllowedScopes(allowedScopes);
            c.setDefaultScopes(defaultScopes);
            c.setGrantTypes(grantTypes);
            c.setRequirePkce(requirePkce);
            c.setAccessTokenTtlSeconds(accessTtl);
            c.setRefreshTokenTtlSeconds(refreshTtl);
            c.setEnabled(enabled);
            c.touch(now);
        }
    }

    /**
     * An account to declare; {@code password} is hashed with Argon2id before it is stored. It may be
     * left out for an account that exists (its password stays; what {@link ConfigurationExport} writes).
     */
    public record AccountEntry(String username, String password, String displayName, String email,
                               boolean emailVerified, Set<String> roles, boolean enabled) {

        String passwordHash(PasswordHasher hasher) {
            return hasher.hash(password);
        }

        boolean passwordMatches(Account a, PasswordHasher hasher) {
            return password == null || hasher.verify(password, a.getPasswordHash());
        }

        boolean differsFrom(Account a, PasswordHasher hasher) {
            return !Objects.equals(displayName, a.getDisplayName()) || !Objects.equals(email, a.getEmail())
                    || (email != null && emailVerified) != a.isEmailVerified()
                    || !roles.equals(a.getRoles()) || enabled != a.isEnabled() || !passwordMatches(a, hasher);
        }

        void applyTo(Account a) {
            a.setDisplayName(displayName);
            a.setEmail(email);
            a.setEmailVerified(email != null && emailVerified);
            a.setRoles(roles);
            a.setEnabled(enabled);
        }
    }

    static ImportFile parse(JsonObject root) {
        List<ScopeEntry> scopes = new ArrayList<>();
        List<ClientEntry> clients = new ArrayList<>();
        List<AccountEntry> accounts = new ArrayList<>();
        for (String key : root.keySet()) {
            if (!Set.of("scopes", "clients", "accounts").contains(key)) {
                throw new ImportException("unknown top-level section '" + key + "' (expected scopes, clients, accounts)");
            }
        }
        JsonArray s = array(root, "scopes", "scopes");
        for (int i = 0; i < s.size(); i++) {
            scopes.add(scope(object(s, i, "scopes"), "scopes[" + i + "]"));
        }
        JsonArray c = array(root, "clients", "clients");
        for (int i = 0; i < c.size(); i++) {
            clients.add(client(object(c, i, "clients"), "clients[" + i + "]"));
        }
        JsonArray a = array(root, "accounts", "accounts");
        for (int i = 0; i < a.size(); i++) {
            accounts.add(account(object(a, i, "accounts"), "accounts[" + i + "]"));
        }
        unique(scopes.stream().map(ScopeEntry::name).toList(), "scopes", "name");
        unique(clients.stream().map(ClientEntry::clientId).toList(), "clients", "clientId");
        unique(clients.stream().map(ClientEntry::name).toList(), "clients", "name");
        unique(accounts.stream().map(AccountEntry::username).toList(), "accounts", "username");
        return new ImportFile(scopes, clients, accounts);
    }

    private static ScopeEntry scope(JsonObject o, String where) {
        String name = required(o, "name", where);
        ScopeNames.problem(name).ifPresent(p -> {
            throw new ImportException(where + ".name: '" + name + "' " + p);
        });
        return new ScopeEntry(name, optional(o, "description", where, name));
    }

    private static ClientEntry client(JsonObject o, String where) {
        String id = required(o, "clientId", where);
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new ImportException(where + ".clientId: use 1-100 letters, digits or . _ ~ -");
        }
        String name = optional(o, "name", where, id);
        ClientType type = parseEnum(ClientType.class, optional(o, "type", where, "confidential"), where + ".type");
        AuthMethod method = AuthMethod.fromWireName(optional(o, "authMethod", where,
                        type == ClientType.PUBLIC ? "none" : "client_secret_basic"))
                .orElseThrow(() -> new ImportException(where + ".authMethod: expected client_secret_basic, client_secret_post or none"));
        String secret = optional(o, "secret", where, null);
        if (type == ClientType.CONFIDENTIAL && secret != null && secret.length() < MIN_SECRET_LENGTH) {
            throw new ImportException(where + ".secret: must be at least " + MIN_SECRET_LENGTH + " characters of high-entropy random text");
        }
        if (type == ClientType.PUBLIC && secret != null) {
            throw new ImportException(where + ".secret: a public client has no secret");
        }
        List<String> uris = strings(o, "redirectUris", where);
        List<String> postLogout = strings(o, "postLogoutRedirectUris", where);
        Set<String> grantTypes = o.containsKey("grantTypes") ? new LinkedHashSet<>(strings(o, "grantTypes", where)) : GrantTypes.DEFAULT;
        Set<String> allowed = new LinkedHashSet<>(strings(o, "allowedScopes", where));
        Set<String> defaults = new LinkedHashSet<>(o.containsKey("defaultScopes") ? strings(o, "defaultScopes", where) : List.copyOf(allowed));
        Integer accessTtl = seconds(o, "accessTokenTtl", where, TokenSettings.MAX_ACCESS_TTL);
        Integer refreshTtl = seconds(o, "refreshTokenTtl", where, TokenSettings.MAX_REFRESH_TTL);
        // The one rule set of the console and of dynamic registration; the catalogue is checked when applied.
        ClientRules.problems(new ClientRules.Draft(name, type, method, uris, allowed, defaults, grantTypes, accessTtl, refreshTtl, postLogout), null, false)
                .stream().findFirst().ifPresent(p -> {
                    throw new ImportException(where + "." + p.field() + (p.index() >= 0 ? "[" + p.index() + "]" : "") + ": " + p.message());
                });
        return new ClientEntry(where, id, name, type, method, secret, List.copyOf(uris), allowed, defaults, grantTypes,
                bool(o, "requirePkce", where, true), accessTtl, refreshTtl, bool(o, "enabled", where, true),
                List.copyOf(postLogout));
    }

    private static AccountEntry account(JsonObject o, String where) {
        String username = required(o, "username", where);
        if (!USERNAME.matcher(username).matches()) {
            throw new ImportException(where + ".username: use 1-100 letters, digits or . _ @ + -");
        }
        String password = optional(o, "password", where, null);
        if (password != null && password.length() < 8) {
            throw new ImportException(where + ".password: must be at least 8 characters");
        }
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Account.ROLE_USER);
        for (String r : strings(o, "roles", where)) {
            if (!ROLES.contains(r)) {
                throw new ImportException(where + ".roles: unknown role '" + r + "' (expected user or admin)");
            }
            roles.add(r);
        }
        return new AccountEntry(username, password, optional(o, "displayName", where, null),
                optional(o, "email", where, null), bool(o, "emailVerified", where, false), roles,
                bool(o, "enabled", where, true));
    }

    private static JsonArray array(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ImportException(where + ": must be an array");
        }
        return v.asJsonArray();
    }

    private static JsonObject object(JsonArray a, int i, String where) {
        if (a.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ImportException(where + "[" + i + "]: must be an object");
        }
        return a.getJsonObject(i);
    }

    private static String required(JsonObject o, String key, String where) {
        String v = optional(o, key, where, null);
        if (v == null || v.isBlank()) {
            throw new ImportException(where + "." + key + ": is required");
        }
        return v;
    }

    private static String optional(JsonObject o, String key, String where, String fallback) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return fallback;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new ImportException(where + "." + key + ": must be a string");
        }
        return ((JsonString) v).getString();
    }

    private static boolean bool(JsonObject o, String key, String where, boolean fallback) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return fallback;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw new ImportException(where + "." + key + ": must be true or false");
        }
        return v == JsonValue.TRUE;
    }

    private static List<String> strings(JsonObject o, String key, String where) {
        JsonArray a = array(o, key, where + "." + key);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).getValueType() != JsonValue.ValueType.STRING) {
                throw new ImportException(where + "." + key + "[" + i + "]: must be a string");
            }
            out.add(a.getString(i));
        }
        return out;
    }

    /** A lifetime of at least a minute and at most {@code max} (the caps of config.TokenSettings, as in the console). */
    private static Integer seconds(JsonObject o, String key, String where, Duration max) {
        String v = optional(o, key, where, null);
        if (v == null) {
            return null;
        }
        try {
            long s = Duration.parse(v).getSeconds();
            if (s < 60 || s > max.getSeconds()) {
                throw new ImportException(where + "." + key + ": must be between PT1M and " + max);
            }
            return (int) s;
        } catch (DateTimeParseException e) {
            throw new ImportException(where + "." + key + ": must be an ISO-8601 duration such as PT5M");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImportException(where + ": unknown value '" + value + "'");
        }
    }

    private static void unique(List<String> values, String section, String field) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                throw new ImportException(section + "[" + i + "]." + field + ": '" + values.get(i) + "' appears twice");
            }
        }
    }
}
