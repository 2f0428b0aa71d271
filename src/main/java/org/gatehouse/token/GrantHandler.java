package org.gatehouse.token;

import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;

/** One grant type of the token endpoint (RFC 6749 §4.1.3, §6); handlers are looked up by type. */
public interface GrantHandler {

    String grantType();

    TokenResponse handle(TokenRequest request, ClientView client);

    /**
     * Called by {@link GrantHandlers} after {@link #handle} failed because its transaction lost a
     * race for a row ({@link org.gatehouse.grant.LostRace}) and was rolled back: undoes what a
     * concurrent second use would have (a single-use handler revokes the grant, in a transaction of
     * its own) and returns the error to answer. Nothing to undo by default.
     */
    default OAuthException lostRace(TokenRequest request, ClientView client) {
        return OAuthException.invalidGrant("The grant could not be used; try again");
    }
}
