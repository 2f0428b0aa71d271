package org.gatehouse.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gatehouse.bootstrap.ImportStatus;
import org.gatehouse.platform.Database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ready when the database answers within {@value #TIMEOUT_SECONDS} seconds and the start-up
 * import (if any) was accepted, and DOWN from SIGTERM on ({@link ShutdownDrain}). The probe runs on a managed thread and is waited for at most
 * that long, so a database that does not answer (a connection that hangs, a pool waiting for a
 * free connection) makes readiness DOWN at once instead of hanging the probe; while one probe is
 * still stuck no second one is started.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ImportStatus importStatus;

    @Inject
    ShutdownDrain shutdown;

    private final AtomicReference<Future<String>> running = new AtomicReference<>();

    /**
     * Created at deployment, not on the first probe: WildFly runs health checks on a management
     * thread where {@code java:app} names cannot be resolved, so the datasource must already be
     * injected by then.
     */
    void createdAtStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // observing makes the container create this bean (and inject it) now
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("database");
        if (shutdown.draining()) {
            return builder.down().withData("shutdown", "draining since " + shutdown.drainingSince()).build();
        }
        try {
            builder.withData("database", probe().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).up();
        } catch (TimeoutException e) {
            builder.down().withData("error", "database not answering");
        } catch (ExecutionException e) {
            builder.down().withData("error", "database unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().withData("error", "interrupted");
        }
        importStatus.failure().ifPresent(f -> builder.down().withData("import", f));
        return builder.build();
    }

    /** The probe still running, or a new one: the product name of a database that proved valid. */
    private Future<String> probe() {
        Future<String> current = running.get();
        if (current != null && !current.isDone()) {
            return current;
        }
        Future<String> next = executor.submit(this::check);
        running.set(next);
        return next;
    }

    private String check() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(TIMEOUT_SECONDS)) {
                throw new SQLException("connection not valid");
            }
            return c.getMetaData().getDatabaseProductName();
        }
    }
}
