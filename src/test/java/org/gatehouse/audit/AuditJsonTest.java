package org.gatehouse.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log's JSON lines (README, "Audit log as JSON lines"): one event, one line, one object. */
class AuditJsonTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:42:07.123Z");

    private static JsonObject parse(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    @Test
    void everyFieldOfTheSchemaIsThereNullWhenAbsent() {
        JsonObject o = parse(AuditLog.json(new AuditEvent(AT, "SIGN_IN", "alice", "alice", null, "192.0.2.10")));
        assertEquals(1, o.getInt("audit"));
        assertEquals("2026-12-02T10:42:07.123Z", o.getString("time"));
        assertEquals("SIGN_IN", o.getString("type"));
        assertEquals("alice", o.getString("actor"));
        assertEquals("alice", o.getString("subject"));
        assertEquals("192.0.2.10", o.getString("address"));
        assertTrue(o.isNull("detail"));
        assertEquals(java.util.Set.of("audit", "time", "type", "actor", "subject", "address", "detail"), o.keySet());
    }

    @Test
    void aUsernameWithLineBreaksAndQuotesCannotForgeALineOrAField() {
        String forged = "mallory\r\n{\"audit\":1,\"time\":\"2026-12-02T10:42:08Z\",\"type\":\"SIGN_IN\",\"actor\":\"admin\"}\n"
                + "\",\"type\":\"SIGN_IN\",\"actor\":\"admin\\\u2028\u0000\u007f";
        String line = AuditLog.json(new AuditEvent(AT, "SIGN_IN_FAILED", forged, forged, "detail \"quoted\"\n", "203.0.113.5"));

        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028") || line.contains("\u0000"), line);
        JsonObject o = parse(line);
        assertEquals("SIGN_IN_FAILED", o.getString("type"), "the injected type did not take effect");
        // NUL is stored as U+FFFD (AuditEvent), everything else round-trips exactly
        assertEquals(forged.replace('\0', '\uFFFD'), o.getString("actor"));
        assertEquals("detail \"quoted\"\n", o.getString("detail"));

        // and through a plain log formatter it is still exactly one line
        Formatter f = new SimpleFormatter();
        String logged = f.formatMessage(new LogRecord(Level.INFO, line));
        assertEquals(1, logged.lines().count(), logged);
    }

    @Test
    void longValuesAreCappedInsideTheString() {
        String huge = "x".repeat(10_000);
        JsonObject o = parse(AuditLog.json(new AuditEvent(AT, "SIGN_IN_FAILED", huge, huge, huge, huge)));
        assertEquals(200, o.getString("actor").length(), "capped to the column, as stored");
        assertTrue(o.getString("detail").length() <= 2000);
    }
}
