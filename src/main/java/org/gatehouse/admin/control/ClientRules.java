package org.gatehouse.admin.control;

import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.ClientType;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link ClientForm} against the registration rules, collecting every problem with the
 * field it belongs to. Pure: the catalogue of known scopes is passed in. Everything but the
 * console's client-id format is the one rule set of {@link org.gatehouse.client.ClientRules},
 * which the import file and dynamic registration apply too.
 */
final class ClientRules {

    /** RFC 6749 Appendix A.1 allows any VSCHAR; we keep ids URL- and log-friendly. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{2,99}");

    private ClientRules() {
    }

    static void check(ClientForm f, Set<String> knownScopes, InvalidInput.Collector problems) {
        if (!f.isExisting() && f.getClientId() != null && !f.getClientId().isBlank()
                && !CLIENT_ID.matcher(f.getClientId().trim()).matches()) {
            problems.add("clientId", "Client id must be 3-100 characters: letters, digits, '.', '_', '~' or '-', starting with a letter or digit.");
        }
        for (String field : new String[] {org.gatehouse.client.ClientRules.ACCESS_TTL, org.gatehouse.client.ClientRules.REFRESH_TTL}) {
            String text = field.equals(org.gatehouse.client.ClientRules.ACCESS_TTL) ? f.getAccessTokenTtl() : f.getRefreshTokenTtl();
            if (text != null && !text.isBlank() && !WHOLE_SECONDS.matcher(text).matches()) {
                problems.add(field, "Enter a whole number of seconds, or leave it empty for the server default.");
            }
        }
        org.gatehouse.client.ClientRules.problems(draft(f), knownScopes)
                .forEach(p -> problems.add(p.field(), p.atLine()));
    }

    private static final Pattern WHOLE_SECONDS = Pattern.compile("\\s*\\d{1,9}\\s*");

    /** A lifetime field as seconds: null when blank or not a whole number ({@link #check} reports the latter). */
    static Integer seconds(String text) {
        return text == null || !WHOLE_SECONDS.matcher(text).matches() ? null : Integer.valueOf(text.trim());
    }

    /** The form as the shared rules read it: a public client's method is always none (ClientAdmin applies it so). */
    static org.gatehouse.client.ClientRules.Draft draft(ClientForm f) {
        AuthMethod method = f.getType() == ClientType.PUBLIC ? AuthMethod.NONE : f.getAuthMethod();
        return new org.gatehouse.client.ClientRules.Draft(f.getName(), f.getType(), method, f.redirectUriLines(),
                new LinkedHashSet<>(f.getAllowedScopes()), new LinkedHashSet<>(f.getDefaultScopes()),
                new LinkedHashSet<>(f.getGrantTypes()), seconds(f.getAccessTokenTtl()), seconds(f.getRefreshTokenTtl()),
                f.postLogoutRedirectUriLines());
    }
}
