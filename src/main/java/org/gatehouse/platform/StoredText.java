package org.gatehouse.platform;

/**
 * The one rule for text that is stored or looked up: no NUL character. PostgreSQL refuses NUL in
 * {@code text}/{@code varchar} (a query with one fails, which would be a 500), H2 keeps it; no
 * OAuth value, username or client id holds one. Entry points refuse such input
 * ({@link #hasNul}); values kept for the record (audit details, throttle subjects) are stored
 * with U+FFFD in its place ({@link #withoutNul}).
 */
public final class StoredText {

    private StoredText() {
    }

    public static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** {@code s} with every NUL replaced by U+FFFD (the replacement character); null stays null. */
    public static String withoutNul(String s) {
        return hasNul(s) ? s.replace('\0', '\uFFFD') : s;
    }
}
