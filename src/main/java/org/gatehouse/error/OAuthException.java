package org.gatehouse.error;

/**
 * An OAuth error response (RFC 6749 §4.1.2.1 and §5.2): a registered error code, a fixed
 * human-readable description (never built from internal detail) and the HTTP status to use at
 * the token endpoint. One factory per error code, so code never branches on message text.
 */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;
    private final Long retryAfterSeconds;
    private final String challenge;

    private OAuthException(String error, String description, int status) {
        this(error, description, status, null);
    }

    private OAuthException(String error, String description, int status, Long retryAfterSeconds) {
        this(error, description, status, retryAfterSeconds, null);
    }

    private OAuthException(String error, String description, int status, Long retryAfterSeconds, String challenge) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
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

    /**
     * An OpenID Connect authorization error (OIDC Core §3.1.2.6): {@code login_required},
     * {@code consent_required}, {@code interaction_required}, {@code request_not_supported},
     * {@code request_uri_not_supported}, {@code registration_not_supported}; always sent back to
     * the client's proven redirect URI.
     */
    public static OAuthException openId(String error, String description) {
        return new OAuthException(error, description, 400);
    }

    public static OAuthException accessDenied(String description) {
        return new OAuthException("access_denied", description, 403);
    }

    /**
     * Too many failed authentications from this client address (the throttle package): 429 with
     * {@code Retry-After} (RFC 6585 §4); {@code temporarily_unavailable} tells an OAuth client to
     * try again later rather than to fix its request.
     */
    public static OAuthException throttled(long retryAfterSeconds) {
        return new OAuthException("temporarily_unavailable",
                "Too many failed client authentications from this address; try again later", 429, retryAfterSeconds);
    }

    /** The server cannot answer now but may a moment later, e.g. its database is away (RFC 6749 §4.1.2.1): 503. */
    public static OAuthException temporarilyUnavailable() {
        return new OAuthException("temporarily_unavailable", "The server is temporarily unable to handle the request; try again shortly", 503);
    }

    /** A registration's redirect URIs are not acceptable (RFC 7591 §3.2.2): 400. */
    public static OAuthException invalidRedirectUri(String description) {
        return new OAuthException("invalid_redirect_uri", description, 400);
    }

    /** A registration's metadata is not acceptable or not JSON (RFC 7591 §3.2.2): 400. */
    public static OAuthException invalidClientMetadata(String description) {
        return new OAuthException("invalid_client_metadata", description, 400);
    }

    /** A software statement Gatehouse cannot accept (RFC 7591 §3.2.2): 400. */
    public static OAuthException invalidSoftwareStatement(String description) {
        return new OAuthException("invalid_software_statement", description, 400);
    }

    /**
     * A bearer token (an initial access token, RFC 7591 §3; a registration access token,
     * RFC 7592 §3) missing, unknown, expired or used up: 401 with the RFC 6750 §3 challenge.
     */
    public static OAuthException invalidToken(String description) {
        return new OAuthException("invalid_token", description, 401, null,
                "Bearer realm=\"gatehouse\", error=\"invalid_token\"");
    }

    /** Too many client registrations from this address (registration package): 429 with {@code Retry-After}. */
    public static OAuthException registrationThrottled(long retryAfterSeconds) {
        return new OAuthException("temporarily_unavailable",
                "Too many client registrations from this address; try again later", 429, retryAfterSeconds);
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

    /** The {@code WWW-Authenticate} challenge of a 401, if not the Basic one of client authentication. */
    public java.util.Optional<String> challenge() {
        return java.util.Optional.ofNullable(challenge);
    }

    /** Seconds for a {@code Retry-After} header, if the client should wait. */
    public java.util.Optional<Long> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }
}
