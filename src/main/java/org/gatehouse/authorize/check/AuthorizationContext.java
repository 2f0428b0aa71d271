package org.gatehouse.authorize.check;

import jakarta.ws.rs.core.MultivaluedMap;
import org.gatehouse.authorize.AuthorizationPageException;
import org.gatehouse.authorize.AuthorizationRequest;
import org.gatehouse.authorize.OpenIdParameters;
import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;

import java.util.List;
import java.util.Set;

/**
 * An authorization request while its checks run: the raw parameters, and what each check has
 * established so far. Once {@link #redirectUri} is set the client and its redirect URI are
 * proven and later errors may be redirected to the client.
 */
public final class AuthorizationContext {

    private final MultivaluedMap<String, String> params;
    ClientView client;
    String redirectUri;
    boolean redirectUriGiven;
    Set<String> scopes;
    String codeChallenge;
    String codeChallengeMethod;
    OpenIdParameters openId = OpenIdParameters.NONE;

    /** {@code params} may be null (a POST without a body): no parameters. */
    public AuthorizationContext(MultivaluedMap<String, String> params) {
        this.params = params != null ? params : new jakarta.ws.rs.core.MultivaluedHashMap<>();
    }

    /** A parameter that must appear at most once (RFC 6749 §3.1); blank counts as absent. */
    String single(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            if (redirectUri == null) {
                throw new AuthorizationPageException("Invalid authorization request",
                        "The parameter " + name + " was sent more than once.");
            }
            throw OAuthException.invalidRequest("A parameter must not be repeated");
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? null : v;
    }

    MultivaluedMap<String, String> params() {
        return params;
    }

    public ClientView client() {
        return client;
    }

    /** The proven redirect URI, or null while the client or redirect URI is unproven. */
    public String redirectUri() {
        return redirectUri;
    }

    /** The state to echo, if the client sent exactly one. */
    public String state() {
        List<String> values = params.get("state");
        return values != null && values.size() == 1 && !values.get(0).isEmpty() ? values.get(0) : null;
    }

    public AuthorizationRequest toRequest() {
        return new AuthorizationRequest(client.clientId(), redirectUri, redirectUriGiven, scopes, state(),
                codeChallenge, codeChallengeMethod, openId);
    }
}
