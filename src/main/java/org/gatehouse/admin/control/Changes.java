package org.gatehouse.admin.control;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * What an edit changed, field by field, for the audit log's detail: {@code name: "A" → "B";
 * redirectUris: [https://a/cb] → [https://a/cb https://b/cb]}. Only fields that differ are
 * written; lists keep their order, sets are sorted; each value is cut at {@value #MAX_VALUE}
 * characters so the entry fits the detail column. Secrets never pass through here: an edit that
 * makes a new one adds the bare note "secret generated".
 */
final class Changes {

    static final int MAX_VALUE = 200;

    /** The fields of one record before or after an edit, in a stable order. */
    static final class Snapshot {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Snapshot put(String field, Object value) {
            fields.put(field, normal(value));
            return this;
        }
    }

    private Changes() {
    }

    static Snapshot snapshot() {
        return new Snapshot();
    }

    /** "field: old → new" for every field whose value differs, then the notes; "no field changed" if none. */
    static String between(Snapshot before, Snapshot after, String... notes) {
        StringJoiner out = new StringJoiner("; ");
        for (Map.Entry<String, Object> e : after.fields.entrySet()) {
            Object old = before.fields.get(e.getKey());
            if (!Objects.equals(old, e.getValue())) {
                out.add(e.getKey() + ": " + show(old) + " → " + show(e.getValue()));
            }
        }
        if (out.length() == 0) {
            out.add("no field changed");
        }
        for (String note : notes) {
            if (note != null && !note.isEmpty()) {
                out.add(note);
            }
        }
        return out.toString();
    }

    /** Copies collections (sets sorted), so that a later change of the entity cannot alter the snapshot. */
    private static Object normal(Object value) {
        if (value instanceof java.util.Set<?> set) {
            return new TreeSet<>(set.stream().map(String::valueOf).toList()).stream().toList();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    private static String show(Object value) {
        String text;
        if (value == null) {
            text = "(none)";
        } else if (value instanceof Collection<?> c) {
            text = "[" + String.join(" ", c.stream().map(String::valueOf).toList()) + "]";
        } else if (value instanceof String s) {
            text = "\"" + s + "\"";
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
    }
}
