package org.gatehouse.authorize.check;

import org.gatehouse.authorize.AuthorizationPageException;
import org.gatehouse.client.RedirectUriRules;

import java.net.URI;
import java.util.List;

/**
 * RFC 6749 §3.1.2.3 with RFC 9700 §4.1.3: the redirect URI must equal a registered one by
 * simple string comparison. The one exception is RFC 8252 §7.3: a loopback redirect may use
 * any port. May be omitted only when exactly one is registered. Otherwise an error page.
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
        if (registered.contains(given) || registered.stream().anyMatch(r -> loopbackMatch(r, given))) {
            context.redirectUri = given;
            context.redirectUriGiven = true;
            return;
        }
        throw new AuthorizationPageException("Invalid redirect URI",
                "The redirect_uri does not match any address registered for this application, so you are not sent back to it.");
    }

    static boolean loopbackMatch(String registered, String given) {
        try {
            URI r = new URI(registered);
            URI g = new URI(given);
            return RedirectUriRules.isLoopback(r) && RedirectUriRules.isLoopback(g)
                    && r.getHost().equalsIgnoreCase(g.getHost())
                    && new URI(r.getScheme(), r.getUserInfo(), r.getHost(), -1, r.getPath(), r.getQuery(), null)
                        .equals(new URI(g.getScheme(), g.getUserInfo(), g.getHost(), -1, g.getPath(), g.getQuery(), null))
                    && g.getRawFragment() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
