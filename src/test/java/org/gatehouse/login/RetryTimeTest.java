package org.gatehouse.login;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryTimeTest {

    @Test
    void secondsUnderAMinuteMinutesWithTheClockTimeAbove() {
        Instant t = Instant.parse("2026-12-02T10:42:10Z");
        assertEquals("in 1 second", RetryTime.describe(1, t));
        assertEquals("in 4 seconds", RetryTime.describe(4, t));
        assertEquals("in 1 minute (at 10:42 UTC)", RetryTime.describe(60, t));
        assertEquals("in 15 minutes (at 10:42 UTC)", RetryTime.describe(900, t));
        assertEquals("in 15 minutes (at 10:42 UTC)", RetryTime.describe(899, t));
    }
}
