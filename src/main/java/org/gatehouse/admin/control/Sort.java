package org.gatehouse.admin.control;

import java.io.Serializable;
import java.util.Map;

/**
 * A requested sort order for a paged list. Only fields a service whitelists reach JPQL, so a
 * sort key coming from the browser can never inject query text.
 */
public record Sort(String field, boolean ascending) implements Serializable {

    public static final Sort NONE = new Sort(null, true);

    /** {@code " order by <path> asc|desc"}, falling back to {@code fallback} for unknown fields. */
    public String orderBy(Map<String, String> allowed, String fallback) {
        String path = field == null ? null : allowed.get(field);
        return path == null ? " order by " + fallback : " order by " + path + (ascending ? " asc" : " desc") + ", " + fallback;
    }

    /** A LIKE pattern for a case-insensitive "contains" search, with LIKE's wildcards escaped. */
    public static String contains(String search) {
        String s = search.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + s + "%";
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
