package org.gatehouse.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grant types a client may be registered for (names from RFC 7591 §2 {@code grant_types})
 * and the one rule set both the admin console and the import file apply to them:
 * <ul>
 *   <li>only {@code authorization_code} (RFC 6749 §4.1), {@code refresh_token} (§6) and
 *       {@code client_credentials} (§4.4), at least one;</li>
 *   <li>{@code client_credentials} only for a confidential client (§4.4: "MUST only be used by
 *       confidential clients");</li>
 *   <li>{@code refresh_token} only together with {@code authorization_code}: refresh tokens are
 *       issued only by the code grant, and never for client credentials (§4.4.3);</li>
 *   <li>{@code authorization_code} needs at least one redirect URI (§3.1.2); a client with only
 *       {@code client_credentials} needs none.</li>
 * </ul>
 */
public final class GrantTypes {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    /** Every known grant type, in the order forms and documentation list them. */
    public static final List<String> KNOWN = List.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS);

    /** What a client is registered for unless it says otherwise (and what every client had before V5). */
    public static final Set<String> DEFAULT = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(AUTHORIZATION_CODE, REFRESH_TOKEN)));

    /** The form field a problem belongs to: {@code grantTypes} or {@code redirectUris}. */
    public static final String FIELD = "grantTypes";
    public static final String REDIRECT_URIS_FIELD = "redirectUris";

    /** One broken rule: the field it belongs to and a sentence for the operator. */
    public record Problem(String field, String message) {
    }

    private GrantTypes() {
    }

    /** Every rule the registration breaks; empty if it may be saved. {@code type} may be null (not chosen yet). */
    public static List<Problem> problems(ClientType type, Collection<String> grantTypes, List<String> redirectUris) {
        List<Problem> problems = new ArrayList<>();
        for (String g : grantTypes) {
            if (!KNOWN.contains(g)) {
                problems.add(new Problem(FIELD, "Unknown grant type: " + g + " (known: " + String.join(", ", KNOWN) + ")."));
            }
        }
        if (grantTypes.isEmpty()) {
            problems.add(new Problem(FIELD, "Choose at least one grant type."));
        }
        if (type == ClientType.PUBLIC && grantTypes.contains(CLIENT_CREDENTIALS)) {
            problems.add(new Problem(FIELD, "client_credentials is only for confidential clients: a public client has no secret to authenticate with."));
        }
        if (grantTypes.contains(REFRESH_TOKEN) && !grantTypes.contains(AUTHORIZATION_CODE)) {
            problems.add(new Problem(FIELD, "refresh_token is only available together with authorization_code."));
        }
        if (grantTypes.contains(AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            problems.add(new Problem(REDIRECT_URIS_FIELD, "At least one redirect URI is required for authorization_code."));
        }
        return problems;
    }
}
