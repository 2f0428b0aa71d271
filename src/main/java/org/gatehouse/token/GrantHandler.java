package org.gatehouse.token;

import org.gatehouse.client.ClientView;

/** One grant type of the token endpoint (RFC 6749 §4.1.3, §6); handlers are looked up by type. */
public interface GrantHandler {

    String grantType();

    TokenResponse handle(TokenRequest request, ClientView client);
}
