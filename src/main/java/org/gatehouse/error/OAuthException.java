package org.gatehouse.error;

/**
 * An OAuth error response (RFC 6749 §4.1.2.1 and §5.2): a registered error code, a fixed
 * human-readable description (never built from internal detail) and the HTTP status to use at
 * the token endpoint. One factory per error code, so code never branches on message text.
 */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;

    private OAuthException(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description, 400);
    }

    /** Client authentication failed (RFC 6749 §5.2): 401 with a WWW-Authenticate challenge. */
    public static OAuthException invalidClient(String description) {
        return new OAuthException("invalid_client", description, 401);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description, 400);
    }

    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException("unauthorized_client", description, 400);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException("unsupported_grant_type", description, 400);
    }

    public static OAuthException unsupportedResponseType(String description) {
        return new OAuthException("unsupported_response_type", description, 400);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException("invalid_scope", description, 400);
    }

    public static OAuthException accessDenied(String description) {
        return new OAuthException("access_denied", description, 403);
    }

    /** The server cannot answer now but may a moment later, e.g. its database is away (RFC 6749 §4.1.2.1): 503. */
    public static OAuthException temporarilyUnavailable() {
        return new OAuthException("temporarily_unavailable", "The server is temporarily unable to handle the request; try again shortly", 503);
    }

    public static OAuthException serverError() {
        return new OAuthException("server_error", "The server could not complete the request", 500);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }
}
