package org.gatehouse.token;

/** A bearer token that cannot be accepted; the message is fixed text safe to return. */
public class InvalidAccessTokenException extends Exception {

    public InvalidAccessTokenException(String message) {
        super(message, null, false, false);
    }
}
