package org.gatehouse.authorize.check;

import org.gatehouse.authorize.AuthorizationPageException;
import org.gatehouse.client.RedirectUriRules;

import java.net.URI;
import java.util.List;

/**
 * RFC 6749 §3.1.2.3 with RFC 9700 §4.1.3: the redirect URI must equal a registered one by
 * simple string comparison. The one exception is RFC 8252 §7.3: for a public client, a redirect
 * to a loopback IP literal ({@code 127.0.0.1}, {@code [::1]}) may use any port; not
 * {@code localhost} (RFC 8252 §8.3) and not for confidential clients, whose redirects match
 * exactly. May be omitted only when exactly one is registered. Otherwise an error page.
 */
public final class RedirectUriCheck implements AuthorizationCheck {

    @Override
    public void check(AuthorizationContext context) {
        List<String> registered = context.client.redirectUris();
        String given = context.single("redirect_uri");
        if (given == null) {
            if (registered.size() != 1) {
                throw new AuthorizationPageException("Invalid authorization request",
                        registered.isEmpty() ? "The application has no redirect URI registered, so it cannot send you here."
                                : "The request has no redirect_uri and the application has several registered.");
            }
            context.redirectUri = registered.get(0);
            context.redirectUriGiven = false;
            return;
        }
        if (registered.contains(given) || registered.stream().anyMatch(r -> loopbackMatch(context.client.isPublic(), r, given))) {
            context.redirectUri = given;
            context.redirectUriGiven = true;
            return;
        }
        // Escaped by the error page; named so that the developer sees what was sent and for which client.
        throw new AuthorizationPageException("Invalid redirect URI",
                "The redirect_uri " + given + " does not match any address registered for " + context.client.name()
                        + " (client_id " + context.client.clientId() + "), so you are not sent back to it."
                        + " Redirect URIs are compared exactly: scheme, host, port, path and query.");
    }

    static boolean loopbackMatch(boolean publicClient, String registered, String given) {
        if (!publicClient) {
            return false;
        }
        try {
            URI r = new URI(registered);
            URI g = new URI(given);
            return RedirectUriRules.isIpLoopback(r) && RedirectUriRules.isIpLoopback(g)
                    && r.getHost().equalsIgnoreCase(g.getHost())
                    && new URI(r.getScheme(), r.getUserInfo(), r.getHost(), -1, r.getPath(), r.getQuery(), null)
                        .equals(new URI(g.getScheme(), g.getUserInfo(), g.getHost(), -1, g.getPath(), g.getQuery(), null))
                    && g.getRawFragment() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
