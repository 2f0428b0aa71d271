package org.gatehouse.logout;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import org.gatehouse.client.ParameterLimits;
import org.gatehouse.error.OAuthException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An end-session request (OpenID Connect RP-Initiated Logout 1.0 §2) as sent, before anything is
 * looked up: each parameter at most once and within its length ({@link ParameterLimits}), the
 * message itself parsed by the Nimbus SDK's {@link LogoutRequest} (the hint a JWT, the
 * post-logout redirect URI a URI). Blank values count as absent.
 */
record EndSessionRequest(String idTokenHint, String clientId, String postLogoutRedirectUri, String state) {

    static final List<String> PARAMETERS = List.of("id_token_hint", "client_id", "post_logout_redirect_uri", "state",
            "logout_hint", "ui_locales");

    /** Thrown for a request that cannot be understood; its message is for the person in front of the browser. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static EndSessionRequest parse(MultivaluedMap<String, String> params) throws Invalid {
        Map<String, List<String>> single = new HashMap<>();
        if (params != null) {
            for (Map.Entry<String, List<String>> p : params.entrySet()) {
                List<String> values = p.getValue() == null ? List.of() : p.getValue();
                try {
                    for (String v : values) {
                        ParameterLimits.check(p.getKey(), v);
                    }
                } catch (OAuthException e) {
                    throw new Invalid(e.description());
                }
                if (!PARAMETERS.contains(p.getKey())) {
                    continue; // unknown parameters are ignored (§2 lists the ones that mean something)
                }
                if (values.size() > 1) {
                    throw new Invalid("The parameter " + p.getKey() + " was sent more than once.");
                }
                if (!values.isEmpty() && values.get(0) != null && !values.get(0).isEmpty()) {
                    single.put(p.getKey(), List.of(values.get(0)));
                }
            }
        }
        LogoutRequest parsed;
        try {
            parsed = LogoutRequest.parse(single);
        } catch (ParseException | RuntimeException e) {
            throw new Invalid(single.containsKey("id_token_hint") ? "The id_token_hint is not a valid token, or the post_logout_redirect_uri is not a valid URI."
                    : "The post_logout_redirect_uri is not a valid URI.");
        }
        return new EndSessionRequest(
                parsed.getIDTokenHint() == null ? null : first(single, "id_token_hint"),
                parsed.getClientID() == null ? null : parsed.getClientID().getValue(),
                parsed.getPostLogoutRedirectionURI() == null ? null : first(single, "post_logout_redirect_uri"),
                parsed.getState() == null ? null : parsed.getState().getValue());
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null ? null : v.get(0);
    }
}
