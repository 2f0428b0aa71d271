package org.gatehouse.audit;

/** What can appear in the audit log. */
public enum AuditType {
    SIGN_IN,
    SIGN_IN_FAILED,
    CONSENT_GRANTED,
    CONSENT_DENIED,
    CODE_REPLAY,
    REFRESH_REUSE,
    CLIENT_AUTH_FAILED,
    /** An authenticated client was refused a token: grant type not registered, or (client_credentials) scope not allowed. */
    GRANT_REFUSED,
    GRANT_REVOKED,
    TOKEN_REVOKED,
    ADMIN_BOOTSTRAPPED,
    IMPORT_APPLIED,
    CLIENT_CREATED,
    CLIENT_UPDATED,
    CLIENT_DELETED,
    CLIENT_SECRET_ROTATED,
    ACCOUNT_CREATED,
    ACCOUNT_UPDATED,
    ACCOUNT_PASSWORD_RESET,
    SCOPE_SAVED,
    SCOPE_DELETED,
    KEY_ROTATED,
    CONSENT_REVOKED
}
