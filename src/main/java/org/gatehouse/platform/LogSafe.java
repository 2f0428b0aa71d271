package org.gatehouse.platform;

/**
 * A user-controlled string made safe for one log line: control characters (CR, LF, TAB, ...)
 * written as escapes so no one can forge a line, and the length capped so a megabyte of input
 * stays a short line.
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
}
