-- OpenID Connect RP-Initiated Logout 1.0 §3 (logout/package-info.java): the URIs a client may
-- be sent back to after the end-session endpoint signed the user out, one per line, matched
-- exactly like its redirect URIs. Owned by client (client.Clients), like the rest of the row.
-- Portable: runs unchanged on H2 2.x and PostgreSQL 12+.
ALTER TABLE client ADD COLUMN post_logout_redirect_uris VARCHAR(4000) DEFAULT '' NOT NULL;
