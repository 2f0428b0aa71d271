package org.gatehouse.error;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.TransactionalException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreTheDatabaseBeingAway() {
        // What Payara + Hibernate + H2 threw with the H2 TCP server stopped (DatabaseOutageIT).
        SQLException h2 = new SQLNonTransientConnectionException("Connection is broken", "90067");
        SQLException pool = new SQLException("Error in allocating a connection", null, new ResourceAllocationException("refused", h2));
        RuntimeException seen = new TransactionalException("rolled back",
                new PersistenceException(new GenericJDBCException("Unable to acquire JDBC Connection", pool)));
        assertTrue(DatabaseUnavailable.isCause(seen));

        assertTrue(DatabaseUnavailable.isCause(new SQLException("link failure", "08S01")), "SQLState class 08");
        assertTrue(DatabaseUnavailable.isCause(new SQLException("closed", "90098")), "H2: database closed");
        assertTrue(DatabaseUnavailable.isCause(new JDBCConnectionException("gone", new SQLException("x"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new ResourceAllocationException("max-pool-size and max-wait-time"))),
                "pool exhausted");
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(new SQLTimeoutException("timed out"))));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23505"))));
        assertFalse(DatabaseUnavailable.isCause(new SQLTransactionRollbackException("deadlock", "40001")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("syntax", "42000")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.isCause(null));
    }

    @Test
    void aCyclicCauseChainEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.isCause(a));
    }
}
