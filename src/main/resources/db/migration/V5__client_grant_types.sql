-- The grant types a client is registered for (RFC 7591 §2 grant_types), space separated.
-- Every existing client keeps what it could do before: authorization_code with refresh_token.
-- Portable: runs unchanged on H2 2.x and PostgreSQL 12+ (the default fills existing rows).
ALTER TABLE client ADD COLUMN grant_types VARCHAR(200) DEFAULT 'authorization_code refresh_token' NOT NULL;
