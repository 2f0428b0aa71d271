package org.gatehouse.authorize.check;

import org.gatehouse.error.OAuthException;
import org.gatehouse.platform.SpaceSeparated;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * RFC 6749 §3.3: every requested scope must be allowed for the client; an omitted scope means
 * the client's registered default, and a client with no default must ask for one.
 */
public final class ScopeCheck implements AuthorizationCheck {

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    @Override
    public void check(AuthorizationContext context) {
        String scope = context.single("scope");
        Set<String> requested = SpaceSeparated.parse(scope);
        if (requested.isEmpty()) {
            requested = context.client.defaultScopes();
            if (requested.isEmpty()) {
                throw OAuthException.invalidScope("No scope was requested and the client has no default scope");
            }
        }
        for (String s : requested) {
            if (!SCOPE_TOKEN.matcher(s).matches() || !context.client.allowedScopes().contains(s)) {
                throw OAuthException.invalidScope("The requested scope is not allowed for this client");
            }
        }
        context.scopes = requested;
    }
}
