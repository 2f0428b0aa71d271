-- OpenID Connect Core 1.0 on top of the code flow (issue 10; docs/architecture.md, "OpenID Connect").
-- Portable: H2 2.x and PostgreSQL.

-- The parked request keeps what the ID token and the sign-in decision need (OIDC Core §3.1.2.1):
-- the nonce to echo, the prompt values, the earliest sign-in time that still counts (prompt=login
-- or max_age), and the login_hint that pre-fills the username.
ALTER TABLE pending_authorization ADD COLUMN nonce VARCHAR(1000);
ALTER TABLE pending_authorization ADD COLUMN prompt VARCHAR(100);
ALTER TABLE pending_authorization ADD COLUMN auth_not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE pending_authorization ADD COLUMN login_hint VARCHAR(256);

-- The code's row carries the nonce to its ID token; the grant and each refresh token the time of
-- the sign-in behind them (auth_time, also in ID tokens from a refresh, OIDC Core §12.2).
ALTER TABLE token_grant ADD COLUMN nonce VARCHAR(1000);
ALTER TABLE token_grant ADD COLUMN auth_time TIMESTAMP WITH TIME ZONE;
ALTER TABLE refresh_token ADD COLUMN auth_time TIMESTAMP WITH TIME ZONE;

-- email_verified (OIDC Core §5.1): false unless an operator says the address was verified.
ALTER TABLE account ADD COLUMN email_verified BOOLEAN DEFAULT FALSE NOT NULL;

-- The OpenID Connect scopes (§5.4); profile already exists (V2).
INSERT INTO scope (name, description, created_at)
    SELECT 'openid', 'Sign you in to the application with your account', CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM scope WHERE name = 'openid');
INSERT INTO scope (name, description, created_at)
    SELECT 'email', 'See your email address', CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM scope WHERE name = 'email');
