package org.gatehouse.playground;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runs parked across a sign-out: claimed once, by their state only, never after ten minutes, never more than the bound. */
class ParkedRunsTest {

    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    private PlaygroundSignOut signOut() {
        PlaygroundSignOut p = new PlaygroundSignOut();
        p.clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        return p;
    }

    @Test
    void aParkedRunIsClaimedOnceByItsState() {
        PlaygroundSignOut p = signOut();
        FlowState run = new FlowState();
        p.park("the-state", run);
        assertTrue(p.claim("another-state").isEmpty());
        assertTrue(p.claim("").isEmpty());
        assertTrue(p.claim(null).isEmpty());
        assertSame(run, p.claim("the-state").orElseThrow());
        assertTrue(p.claim("the-state").isEmpty(), "single use");
    }

    @Test
    void aRunParkedLongerThanTenMinutesIsGone() {
        PlaygroundSignOut p = signOut();
        p.park("s", new FlowState());
        now = now.plus(PlaygroundSignOut.PARKED_FOR).plus(Duration.ofSeconds(1));
        assertTrue(p.claim("s").isEmpty());
    }

    @Test
    void theParkIsBoundedAndDropsTheOldestFirst() {
        PlaygroundSignOut p = signOut();
        for (int i = 0; i < PlaygroundSignOut.MAX_PARKED + 50; i++) {
            p.park("s" + i, new FlowState());
        }
        assertEquals(PlaygroundSignOut.MAX_PARKED, p.parkedCount());
        assertTrue(p.claim("s0").isEmpty(), "the oldest went first");
        assertTrue(p.claim("s" + (PlaygroundSignOut.MAX_PARKED + 49)).isPresent());
    }

    @Test
    void expiredRunsMakeRoomBeforeLiveOnesAreDropped() {
        PlaygroundSignOut p = signOut();
        p.park("old", new FlowState());
        now = now.plus(Duration.ofMinutes(11));
        p.park("new", new FlowState());
        assertEquals(1, p.parkedCount());
    }
}
