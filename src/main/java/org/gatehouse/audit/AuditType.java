package org.gatehouse.audit;

/** What can appear in the audit log. */
public enum AuditType {
    SIGN_IN,
    SIGN_IN_FAILED,
    /** A username or a client address reached its failed sign-in limit (throttle package). */
    SIGN_IN_THROTTLED,
    /** A session ended: the pages' sign-out button or the end-session endpoint (OpenID Connect RP-Initiated Logout). */
    SIGN_OUT,
    CONSENT_GRANTED,
    CONSENT_DENIED,
    CODE_REPLAY,
    REFRESH_REUSE,
    /** A rotated refresh token presented again within the opt-in reuse grace: a lost response, not a reuse. */
    REFRESH_RETRIED,
    CLIENT_AUTH_FAILED,
    /** A client address reached its failed client-authentication limit (throttle package). */
    CLIENT_AUTH_THROTTLED,
    /** An administrator lifted a sign-in or client-authentication block. */
    THROTTLE_CLEARED,
    /** An authenticated client was refused a token: grant type not registered, or (client_credentials) scope not allowed. */
    GRANT_REFUSED,
    GRANT_REVOKED,
    TOKEN_REVOKED,
    ADMIN_BOOTSTRAPPED,
    IMPORT_APPLIED,
    /** An administrator downloaded scopes, clients and accounts as an import file (no secrets in it). */
    CONFIGURATION_EXPORTED,
    CLIENT_CREATED,
    CLIENT_UPDATED,
    CLIENT_DELETED,
    CLIENT_SECRET_ROTATED,
    ACCOUNT_CREATED,
    ACCOUNT_UPDATED,
    ACCOUNT_PASSWORD_RESET,
    /** An administrator ended every session of an account ("sign out everywhere"). */
    ACCOUNT_SIGNED_OUT,
    /** An administrator deleted an account (its grants revoked, consents and notes deleted; its audit trail kept). */
    ACCOUNT_DELETED,
    SCOPE_SAVED,
    SCOPE_DELETED,
    KEY_ROTATED,
    CONSENT_REVOKED,
    /** A client registered itself (RFC 7591). */
    CLIENT_REGISTERED,
    /** A self-registered client changed its registration (RFC 7592 §2.2). */
    CLIENT_REGISTRATION_UPDATED,
    /** A self-registered client deleted its registration (RFC 7592 §2.3). */
    CLIENT_REGISTRATION_DELETED,
    /** A registration was refused for want of a valid initial access token, or by the per-address limit. */
    CLIENT_REGISTRATION_REFUSED,
    INITIAL_TOKEN_CREATED,
    INITIAL_TOKEN_REVOKED
}
