package org.gatehouse.authorize.check;

import org.gatehouse.client.ParameterLimits;
import org.gatehouse.error.OAuthException;

import java.util.List;
import java.util.Map;

/**
 * RFC 6749 §3.1: no parameter may be repeated, and none may be longer than
 * {@link ParameterLimits} allows (checked once the redirect URI is proven).
 */
public final class ParameterCheck implements AuthorizationCheck {

    @Override
    public void check(AuthorizationContext context) {
        for (Map.Entry<String, List<String>> e : context.params().entrySet()) {
            if (e.getValue() != null && e.getValue().size() > 1) {
                throw OAuthException.invalidRequest("A parameter must not be repeated");
            }
            if (e.getValue() != null) {
                e.getValue().forEach(v -> ParameterLimits.check(e.getKey(), v));
            }
        }
        String state = context.state();
        if (state != null && state.length() > 1000) {
            throw OAuthException.invalidRequest("state must not be longer than 1000 characters");
        }
    }
}
