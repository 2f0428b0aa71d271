package org.gatehouse.bootstrap;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.authorize.PendingAuthorizations;
import org.gatehouse.grant.Grants;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.ChangeFeed;
import org.gatehouse.throttle.Throttle;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every ten minutes, asks each store to remove what has expired, so tables do not grow without
 * bound: parked authorization requests, grants with their codes and refresh tokens, the change
 * feed, audit events older than a year, signing keys past their retirement, failure counts whose
 * window and block are over, initial access tokens (RFC 7591) spent for 30 days, the Sessions list's
 * rows a day after their session ended. Each store purges its
 * own tables (docs/architecture.md: one owner per table), each in its own transaction. Idempotent
 * and safe to run on every node of a cluster at once.
 */
@Singleton
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    PendingAuthorizations pending;

    @Inject
    Grants grants;

    @Inject
    ChangeFeed feed;

    @Inject
    AuditLog audit;

    @Inject
    SigningKeys keys;

    @Inject
    Throttle throttle;

    @Inject
    org.gatehouse.registration.InitialAccessTokens initialTokens;

    @Inject
    org.gatehouse.user.BrowserSessions browserSessions;

    @Inject
    Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purgeExpired() {
        Instant now = clock.instant();
        try {
            int requests = pending.purgeExpired(now);
            int tokens = grants.purgeExpired(now);
            int changes = feed.purgeExpired(now);
            int events = audit.purgeExpired(now);
            int retired = keys.retireExpired(now);
            int throttled = throttle.purgeExpired(now);
            int initial = initialTokens.purgeExpired(now);
            int sessions = browserSessions.purgeExpired(now);
            if (requests + tokens + events + retired + throttled + initial + sessions > 0) {
                LOG.info(() -> "Purged " + requests + " parked requests, " + tokens + " grants and refresh tokens, "
                        + changes + " change events, " + events + " audit events, " + throttled + " sign-in failure counts, " + initial + " spent initial access tokens, " + sessions + " ended sessions; retired " + retired + " signing keys");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Housekeeping did not finish; it runs again in ten minutes: {0}", e.toString());
        }
    }
}
