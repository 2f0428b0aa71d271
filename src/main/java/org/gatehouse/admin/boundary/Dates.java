package org.gatehouse.admin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How the console writes an instant ({@code resources/gh/time.xhtml}): a {@code <time>} element
 * whose {@code datetime} and tooltip hold the exact ISO-8601 value and whose text is a short UTC
 * form, which {@code resources/gatehouse/local-time.js} rewrites into the viewer's own time zone
 * and locale. Without script the UTC form stays, labelled as such.
 */
@Named("dates")
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The exact value, to the second (e.g. {@code 2026-12-04T18:02:11Z}). */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The form shown before the script localises it (e.g. {@code 2026-12-04 18:02 UTC}). */
    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
