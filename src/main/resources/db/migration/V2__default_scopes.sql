-- The scopes of Gatehouse's own protected API (see the api package).
INSERT INTO scope (name, description, created_at) VALUES
    ('profile', 'See your username and profile', CURRENT_TIMESTAMP),
    ('notes:read', 'Read your notes', CURRENT_TIMESTAMP),
    ('notes:write', 'Create and delete your notes', CURRENT_TIMESTAMP);
