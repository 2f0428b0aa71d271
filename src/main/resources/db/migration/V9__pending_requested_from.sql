-- Unauthenticated writes are bounded (authorize/PendingAuthorizations): each parked request
-- records the client address it came from, and one address keeps at most a fixed number parked.
ALTER TABLE pending_authorization ADD COLUMN requested_from VARCHAR(64);
CREATE INDEX pending_authorization_from_ix ON pending_authorization (requested_from, created_at);
