package org.gatehouse.login;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** "in 4 seconds", "in 15 minutes (at 10:42 UTC)": when a blocked sign-in may be tried again. */
final class RetryTime {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private RetryTime() {
    }

    static String describe(long seconds, Instant until) {
        if (seconds < 60) {
            return "in " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "in " + minutes + (minutes == 1 ? " minute" : " minutes") + " (at " + CLOCK.format(until) + " UTC)";
    }
}
