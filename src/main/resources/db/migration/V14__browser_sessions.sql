-- Who is signed in (admin console, Sessions): one row per browser session, written at sign-in,
-- its last_seen_at moved at most once a minute by the session's requests, ended_at set when the
-- session ends (sign-out, time-out). Whether it may still act is the account's security stamp:
-- a row whose stamp differs from the account's was ended by "sign this user out", a disabled
-- account or a new password. Owned by user (user.BrowserSessions). The id is a random handle that
-- only the session itself holds; it grants nothing. Portable: H2 2.x and PostgreSQL 12+.
CREATE TABLE browser_session (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    account_id      BIGINT        NOT NULL REFERENCES account (id),
    security_stamp  BIGINT        NOT NULL,
    signed_in_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    address         VARCHAR(64),
    user_agent      VARCHAR(200),
    ended_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX browser_session_account_ix ON browser_session (account_id);
CREATE INDEX browser_session_seen_ix ON browser_session (last_seen_at);
