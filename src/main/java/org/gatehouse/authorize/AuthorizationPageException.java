package org.gatehouse.authorize;

/**
 * An authorization request error that must NOT be sent back to the client, because the client
 * or its redirect URI is not proven (RFC 6749 §4.1.2.1, RFC 9700 §4.11: no open redirector).
 * The user sees an error page instead.
 */
public class AuthorizationPageException extends RuntimeException {

    private final String title;

    public AuthorizationPageException(String title, String message) {
        super(message, null, false, false);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
