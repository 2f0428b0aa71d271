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

    @Test
    void jsonStringsEscapeEverythingThatCouldEndTheStringOrTheLine() {
        assertEquals("\"a\\\"b\\\\c\\r\\n\\t\\u0000\\u007f\\u2028\"", LogSafe.json("a\"b\\c\r\n\t\u0000\u007f\u2028", 100));
        assertEquals("null", LogSafe.json(null, 10));
        assertEquals("\"xx...(8 more)\"", LogSafe.json("x".repeat(10), 2));
        // a surrogate pair is kept whole or cut before; a lone surrogate is escaped
        assertEquals("\"a...(2 more)\"", LogSafe.json("a\uD83D\uDE00", 2));
        assertEquals("\"\uD83D\uDE00\"", LogSafe.json("\uD83D\uDE00", 5));
        assertEquals("\"\\ud83d\"", LogSafe.json("\uD83D", 5));
    }
}
