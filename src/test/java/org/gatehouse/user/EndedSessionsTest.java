package org.gatehouse.user;

import org.gatehouse.platform.ChangeFeed;
import org.gatehouse.platform.Secrets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a node remembers of the sign-outs the change feed brings (the cluster behaviour: it/ClusterIT). */
class EndedSessionsTest {

    private final EndedSessions ended = new EndedSessions();

    @Test
    void aSessionIsEndedOnceItsSignOutArrivesByTheHashOfItsId() {
        assertFalse(ended.isEnded("session-a"));
        ended.remember(new ChangeFeed.Changed(EndedSessions.TOPIC, Secrets.sha256("session-a")));
        assertTrue(ended.isEnded("session-a"));
        assertFalse(ended.isEnded("session-b"), "only that session");
    }

    @Test
    void otherTopicsAndRawIdsDoNotEndASession() {
        ended.remember(new ChangeFeed.Changed("account", Secrets.sha256("session-c")));
        ended.remember(new ChangeFeed.Changed(EndedSessions.TOPIC, "session-d")); // the feed carries hashes only
        assertFalse(ended.isEnded("session-c"));
        assertFalse(ended.isEnded("session-d"));
    }

    @Test
    void itRemembersAtMostItsBound() {
        for (int i = 0; i <= EndedSessions.MAX; i++) {
            ended.remember(new ChangeFeed.Changed(EndedSessions.TOPIC, Secrets.sha256("s-" + i)));
        }
        assertFalse(ended.isEnded("s-0"), "the oldest went first");
        assertTrue(ended.isEnded("s-" + EndedSessions.MAX));
    }
}
