package org.gatehouse.platform;

/**
 * A user-controlled string made safe for one log line: control characters (CR, LF, TAB, ...)
 * written as escapes so no one can forge a line, and the length capped so a megabyte of input
 * stays a short line. {@link #json} does the same for a JSON string value (RFC 8259 §7), for log
 * lines that are JSON objects (the audit log, audit.AuditLog).
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static String of(String value, int max) {
        if (value == null) {
            return "null";
        }
        int n = Math.min(value.length(), max);
        StringBuilder out = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > max) {
            out.append("...(").append(value.length() - max).append(" more)");
        }
        return out.toString();
    }

    /**
     * {@code value} as a JSON string literal, quotes included, or {@code null}: {@code "} and
     * {@code \\} escaped, every control character (CR, LF, TAB, NUL, ..., DEL) and the Unicode
     * line and paragraph separators written as {@code \\uXXXX}, so the literal never spans a line
     * and cannot end the string early. Longer values are cut to {@code max} characters and marked
     * with {@code ...(N more)} inside the string; a surrogate pair is never cut in half.
     */
    public static String json(String value, int max) {
        if (value == null) {
            return "null";
        }
        int n = Math.min(value.length(), max);
        if (n > 0 && n < value.length() && Character.isHighSurrogate(value.charAt(n - 1))) {
            n--;
        }
        StringBuilder out = new StringBuilder(n + 18).append('"');
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && !pairedAt(value, i, n)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (n < value.length()) {
            out.append("...(").append(value.length() - n).append(" more)");
        }
        return out.append('"').toString();
    }

    /** Whether the surrogate at {@code i} is half of a well-formed pair inside the first {@code n} characters. */
    private static boolean pairedAt(String s, int i, int n) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
