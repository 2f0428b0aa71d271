package org.gatehouse.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.platform.BoundedCache;
import org.gatehouse.platform.ChangeFeed;
import org.gatehouse.platform.Secrets;

import java.time.Duration;

/**
 * The HTTP sessions signed out on any node, so that no node lets a copy of one act again. In a
 * cluster the session lives in the data grid (web.xml's {@code <distributable/>}); signing out
 * removes it there, but another node may still hold a local copy of it, and a replayed session
 * cookie would find that copy. {@link SignOut} therefore publishes the end through the change feed
 * (docs/architecture.md, "Caches and how a change reaches every node"): the signing-out node
 * refuses the session at once, every other node within about a second. The session is named by
 * {@link SessionCaller#sessionId()} (the same on every node, unlike the container's session id,
 * which may carry a node's route), and only its SHA-256 is written.
 *
 * <p>Bounded: at most {@value #MAX} ended sessions are remembered, each for an hour (longer than
 * the idle time-out in web.xml, after which no copy of the session is valid anywhere).
 */
@ApplicationScoped
public class EndedSessions {

    static final String TOPIC = "session-ended";
    static final int MAX = 100_000;
    private static final Duration KEEP = Duration.ofHours(1);

    private final BoundedCache<String, Boolean> ended = new BoundedCache<>(MAX, KEEP);

    @Inject
    ChangeFeed feed;

    /** Tells every node that the session {@code sessionId} ({@link SessionCaller#sessionId()}) was signed out. */
    @Transactional
    public void signedOut(String sessionId) {
        feed.publish(TOPIC, Secrets.sha256(sessionId));
    }

    /**
     * Whether the session {@code sessionId} was signed out on any node (as far as this node has
     * heard). Hashes nothing while no session has ended.
     */
    public boolean isEnded(String sessionId) {
        return ended.size() > 0 && ended.peek(Secrets.sha256(sessionId)).isPresent();
    }

    void remember(@Observes ChangeFeed.Changed change) {
        if (TOPIC.equals(change.topic())) {
            ended.put(change.key(), Boolean.TRUE);
        }
    }
}
