package org.gatehouse.admin.control;

import org.gatehouse.config.TokenSettings;

import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.client.RedirectUriRules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link ClientForm} against the registration rules, collecting every problem with the
 * field it belongs to. Pure: the catalogue of known scopes is passed in. Redirect URIs and grant
 * types are judged by the rules of the {@code client} package ({@link RedirectUriRules},
 * {@link GrantTypes}), which the import file applies too.
 */
final class ClientRules {

    /** RFC 6749 Appendix A.1 allows any VSCHAR; we keep ids URL- and log-friendly. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{2,99}");
    static final int MIN_TTL = 60;
    /** The same caps as at start-up and in the import (config.TokenSettings). */
    static final int MAX_ACCESS_TTL = (int) TokenSettings.MAX_ACCESS_TTL.toSeconds();
    static final int MAX_REFRESH_TTL = (int) TokenSettings.MAX_REFRESH_TTL.toSeconds();

    private ClientRules() {
    }

    static void check(ClientForm f, Set<String> knownScopes, InvalidInput.Collector problems) {
        if (!f.isExisting() && f.getClientId() != null && !f.getClientId().isBlank()
                && !CLIENT_ID.matcher(f.getClientId().trim()).matches()) {
            problems.add("clientId", "Client id must be 3-100 characters: letters, digits, '.', '_', '~' or '-', starting with a letter or digit.");
        }
        String name = f.getName() == null ? "" : f.getName().trim();
        if (name.isEmpty()) {
            problems.add("name", "Name is required.");
        } else if (name.length() > 200) {
            problems.add("name", "Name must be at most 200 characters.");
        }
        if (f.getType() == null) {
            problems.add("type", "Choose a client type.");
        } else if (f.getType() == ClientType.CONFIDENTIAL && (f.getAuthMethod() == null || f.getAuthMethod() == AuthMethod.NONE)) {
            problems.add("authMethod", "A confidential client authenticates with its secret: choose client_secret_basic or client_secret_post.");
        }
        checkRedirectUris(f.redirectUriLines(), problems);
        GrantTypes.problems(f.getType(), f.getGrantTypes(), f.redirectUriLines())
                .forEach(p -> problems.add(p.field(), p.message()));
        checkScopes(f, knownScopes, problems);
        checkTtl("accessTokenTtl", f.getAccessTokenTtl(), MAX_ACCESS_TTL, problems);
        checkTtl("refreshTokenTtl", f.getRefreshTokenTtl(), MAX_REFRESH_TTL, problems);
    }

    private static void checkRedirectUris(List<String> uris, InvalidInput.Collector problems) {
        if (String.join("\n", uris).length() > 4000) {
            problems.add("redirectUris", "Redirect URIs must fit in 4000 characters in total.");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            int line = i + 1;
            RedirectUriRules.problem(uri).ifPresent(p -> problems.add("redirectUris", "Line " + line + ": " + uri + " " + p + "."));
            if (!seen.add(uri)) {
                problems.add("redirectUris", "Line " + line + ": " + uri + " is listed twice.");
            }
        }
    }

    private static void checkScopes(ClientForm f, Set<String> known, InvalidInput.Collector problems) {
        for (String s : f.getAllowedScopes()) {
            if (!known.contains(s)) {
                problems.add("allowedScopes", "Unknown scope: " + s + " (it is not in the scope catalogue).");
            }
        }
        for (String s : f.getDefaultScopes()) {
            if (!f.getAllowedScopes().contains(s)) {
                problems.add("defaultScopes", "Default scope " + s + " must also be allowed.");
            }
        }
        if (f.getAllowedScopes().isEmpty()) {
            problems.add("allowedScopes", "Allow at least one scope.");
        }
    }

    private static void checkTtl(String field, Integer seconds, int max, InvalidInput.Collector problems) {
        if (seconds != null && (seconds < MIN_TTL || seconds > max)) {
            problems.add(field, "Must be between " + MIN_TTL + " and " + max + " seconds, or empty for the server default.");
        }
    }
}
