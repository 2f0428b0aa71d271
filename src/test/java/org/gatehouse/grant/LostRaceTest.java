package org.gatehouse.grant;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as a lost race on the single-use paths, and what does not. */
class LostRaceTest {

    private static RuntimeException wrapped(Throwable cause) {
        // as it reaches the grant handlers: JPA's exception around Hibernate's around the driver's
        return new PersistenceException("could not execute statement", cause);
    }

    @Test
    void serializationFailuresAndDeadlocksBySqlState() {
        assertTrue(LostRace.is(wrapped(new SQLException("serialization failure", "40001"))));
        assertTrue(LostRace.is(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(LostRace.is(wrapped(new SQLException("lock not available", "55P03"))));
        assertTrue(LostRace.is(wrapped(new java.sql.SQLTransactionRollbackException("rolled back"))));
    }

    @Test
    void h2DeadlockLockTimeoutAndConcurrentUpdate() {
        for (int code : new int[] {ErrorCode.DEADLOCK_1, ErrorCode.LOCK_TIMEOUT_1, ErrorCode.CONCURRENT_UPDATE_1}) {
            SQLException h2 = DbException.get(code, "REFRESH_TOKEN").getSQLException();
            assertTrue(LostRace.is(wrapped(new LockAcquisitionException("lock", h2))), "H2 code " + code);
            assertTrue(LostRace.is(wrapped(h2)), "H2 code " + code + " without Hibernate's translation");
        }
    }

    @Test
    void jpaAndHibernateLockExceptionsAndTheCommitFailureAroundThem() {
        assertTrue(LostRace.is(new PessimisticLockException("locked")));
        assertTrue(LostRace.is(new OptimisticLockException("stale")));
        assertTrue(LostRace.is(new org.hibernate.PessimisticLockException("locked", new SQLException("x"), "update")));
        assertTrue(LostRace.is(new org.hibernate.StaleObjectStateException("RefreshToken", "id")));
        RollbackException commit = new RollbackException("commit failed");
        commit.initCause(wrapped(new SQLException("could not serialize access", "40001")));
        assertTrue(LostRace.is(new jakarta.transaction.TransactionalException("rolled back", commit)));
        SQLException batch = new SQLException("batch failed", "25000");
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertTrue(LostRace.is(wrapped(batch)));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(LostRace.is(wrapped(new SQLException("connection refused", "08001"))));
        assertFalse(LostRace.is(wrapped(new ConstraintViolationException("duplicate", new SQLException("dup", "23505"), "pk"))));
        assertFalse(LostRace.is(wrapped(DbException.get(ErrorCode.DUPLICATE_KEY_1, "PK").getSQLException())));
        assertFalse(LostRace.is(new IllegalStateException("bug")));
        assertFalse(LostRace.is(null));
        RuntimeException loop = new RuntimeException("loop");
        RuntimeException outer = new RuntimeException("outer", loop);
        loop.initCause(outer);
        assertFalse(LostRace.is(outer));
    }
}
