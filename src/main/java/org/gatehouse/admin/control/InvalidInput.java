package org.gatehouse.admin.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of an admin action cannot be accepted; nothing was changed. Carries one or more
 * messages per field (the field names are the form's property names), or a message for the
 * whole form under {@link #FORM}.
 */
public class InvalidInput extends RuntimeException {

    public static final String FORM = "";

    private final Map<String, List<String>> problems;

    public InvalidInput(Map<String, List<String>> problems) {
        super(String.valueOf(problems));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> problems() {
        return problems;
    }

    /** Collects problems field by field and throws them all at once. */
    public static final class Collector {
        private final Map<String, List<String>> problems = new LinkedHashMap<>();

        public Collector add(String field, String message) {
            problems.computeIfAbsent(field, f -> new java.util.ArrayList<>()).add(message);
            return this;
        }

        public boolean has(String field) {
            return problems.containsKey(field);
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
