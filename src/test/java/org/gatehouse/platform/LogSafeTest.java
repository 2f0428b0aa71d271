package org.gatehouse.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSafeTest {

    @Test
    void lineBreaksCannotForgeALogLine() {
        String safe = LogSafe.of("alice\r\n[INFO] admin signed in", 100);
        assertFalse(safe.contains("\n") || safe.contains("\r"), safe);
        assertEquals("alice\\u000d\\u000a[INFO] admin signed in", safe);
    }

    @Test
    void longValuesAreCapped() {
        String safe = LogSafe.of("x".repeat(1_000_000), 100);
        assertTrue(safe.length() < 130, "capped: " + safe.length());
        assertTrue(safe.endsWith("...(999900 more)"), safe);
    }

    @Test
    void plainValuesAndNullStayReadable() {
        assertEquals("it-confidential", LogSafe.of("it-confidential", 100));
        assertEquals("null", LogSafe.of(null, 100));
    }
}
