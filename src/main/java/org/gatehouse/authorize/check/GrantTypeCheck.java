package org.gatehouse.authorize.check;

import org.gatehouse.client.GrantTypes;
import org.gatehouse.error.OAuthException;

/**
 * RFC 6749 §4.1.2.1: a client that is not registered for {@code authorization_code} may not ask
 * for a code: {@code unauthorized_client}. Runs once the client and its redirect URI are proven,
 * so the error is redirected to the client like the other request errors.
 */
public final class GrantTypeCheck implements AuthorizationCheck {

    @Override
    public void check(AuthorizationContext context) {
        if (!context.client.allows(GrantTypes.AUTHORIZATION_CODE)) {
            throw OAuthException.unauthorizedClient("This client is not registered for the authorization code grant");
        }
    }
}
