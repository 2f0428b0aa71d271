-- Brute-force protection (throttle/package-info.java): failed sign-ins per account name and per
-- client address, failed client authentications per client address. One row per counted subject,
-- shared by every node through the database; purged once its window and block are over.
CREATE TABLE auth_throttle (
    throttle_key     VARCHAR(160)  NOT NULL PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL,
    subject          VARCHAR(128)  NOT NULL,
    failures         INTEGER       NOT NULL,
    first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX auth_throttle_last_ix ON auth_throttle (last_failure_at);
CREATE INDEX auth_throttle_blocked_ix ON auth_throttle (blocked_until);
