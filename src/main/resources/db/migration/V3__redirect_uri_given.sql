-- RFC 6749 §4.1.3: the token request must repeat redirect_uri exactly when the authorization
-- request included it. Remember whether it did (it may be omitted when only one is registered).
ALTER TABLE pending_authorization ADD COLUMN redirect_uri_given BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE authorization_code ADD COLUMN redirect_uri_given BOOLEAN DEFAULT TRUE NOT NULL;
