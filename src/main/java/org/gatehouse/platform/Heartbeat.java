package org.gatehouse.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one timer of a node: every second it tells the features that keep state in memory
 * ({@link ChangeFeed}, the revocation list) to catch up with what other nodes wrote. Observers run
 * outside any transaction and each in its own, so one failing (the database down) stops none
 * of the others and costs the request path nothing.
 */
@Singleton
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    /** The event observers receive, with the time of the beat. */
    public record Beat(Instant at) {
    }

    @Inject
    Event<Beat> beats;

    @Inject
    Clock clock;

    private volatile boolean failing;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void beat() {
        try {
            beats.fire(new Beat(clock.instant()));
            if (failing) {
                LOG.info("Caches catch up with the database again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "Cannot catch up with the database; caches keep what they have: {0}", e.toString());
                failing = true;
            }
        }
    }
}
