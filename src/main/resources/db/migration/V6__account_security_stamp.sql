-- A per-account security stamp: raised whenever the account loses a role, is disabled or gets a
-- new password. A browser session remembers the stamp it signed in with and ends at its next
-- request once the stamp differs (on every node: the account cache is evicted through the change
-- feed). Portable: runs unchanged on H2 2.x and PostgreSQL 12+ (the default fills existing rows).
ALTER TABLE account ADD COLUMN security_stamp BIGINT DEFAULT 0 NOT NULL;
