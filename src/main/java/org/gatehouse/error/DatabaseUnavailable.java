package org.gatehouse.error;

import jakarta.resource.ResourceException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The one place that decides "the database is unavailable": the request may well succeed a
 * moment later, so it is answered 503 with {@code Retry-After} ({@code temporarily_unavailable}
 * at the JSON endpoints, RFC 6749 §4.1.2.1 names the code; a "try again shortly" page for
 * browsers), never 500. The family, found anywhere in the cause chain:
 * <ul>
 *   <li>JDBC connection failures: {@link SQLTransientConnectionException},
 *       {@link SQLNonTransientConnectionException}, {@link SQLRecoverableException}, any
 *       {@link SQLException} of SQLState class {@code 08} (connection exception), H2's own
 *       connection states (broken connection, database closed);</li>
 *   <li>Hibernate's {@link JDBCConnectionException};</li>
 *   <li>the connection pool: no connection could be allocated or created in time (the server's
 *       pool reports that as a {@link ResourceException}), and JDBC timeouts
 *       ({@link SQLTimeoutException}).</li>
 * </ul>
 */
public final class DatabaseUnavailable {

    /** What {@code Retry-After} says, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String TITLE = "Temporarily unavailable";
    public static final String MESSAGE = "Gatehouse cannot reach its database at the moment. Nothing was changed. "
            + "Please try again shortly.";

    /** H2: 90067 connection broken, 90098 database closed, 90121 database closed by the VM, 90028 I/O error. */
    private static final Set<String> H2_STATES = Set.of("90067", "90098", "90121", "90028");
    private static final int MAX_DEPTH = 32;

    private DatabaseUnavailable() {
    }

    /** True if the error, or anything that caused it, says the database cannot be reached. */
    public static boolean isCause(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (is(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
                || t instanceof JDBCConnectionException || t instanceof ResourceException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || H2_STATES.contains(state);
        }
        return false;
    }
}
