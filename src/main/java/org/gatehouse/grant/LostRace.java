package org.gatehouse.grant;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a transaction that lost a race for a row: a serialization failure or deadlock
 * (SQLState 40001, PostgreSQL's 40P01, any {@link SQLTransactionRollbackException}), a lock that
 * could not be had in time (PostgreSQL's 55P03; H2's lock timeout 50200 and concurrent update
 * 90131), and the JPA and Hibernate exceptions that wrap them. On the single-use paths (redeeming
 * a code, rotating a refresh token) such a failure means another request used the same code or
 * token at the same moment: it is answered {@code invalid_grant} and the grant revoked, as a second
 * use would be (RFC 6749 §4.1.2, RFC 9700 §4.14.2), never a 500.
 */
public final class LostRace {

    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03");

    /** H2's error codes (org.h2.api.ErrorCode): DEADLOCK_1, LOCK_TIMEOUT_1, CONCURRENT_UPDATE_1. */
    private static final Set<Integer> H2_CODES = Set.of(40001, 50200, 90131);

    private static final Set<String> HIBERNATE = Set.of(
            "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.dialect.lock.LockingStrategyException");

    private LostRace() {
    }

    /** True if {@code error} or anything it wraps says the transaction lost a race for a row. */
    public static boolean is(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return is(error, seen);
    }

    private static boolean is(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                || t instanceof OptimisticLockException || t instanceof SQLTransactionRollbackException
                || isHibernate(t.getClass())) {
            return true;
        }
        if (t instanceof SQLException sql) {
            if (sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (sql.getClass().getName().startsWith("org.h2.") && H2_CODES.contains(sql.getErrorCode())) {
                return true;
            }
            if (is(sql.getNextException(), seen)) {
                return true;
            }
        }
        return is(t.getCause(), seen);
    }

    private static boolean isHibernate(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (HIBERNATE.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
