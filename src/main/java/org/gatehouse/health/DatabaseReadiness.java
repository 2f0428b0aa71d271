package org.gatehouse.health;

import jakarta.annotation.Resource;
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

/** Ready when the database answers and the start-up import (if any) was accepted. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ImportStatus importStatus;

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
        try (Connection c = dataSource.getConnection()) {
            builder.withData("database", c.getMetaData().getDatabaseProductName());
            builder.status(c.isValid(2));
        } catch (SQLException e) {
            builder.down().withData("error", "database unreachable");
        }
        importStatus.failure().ifPresent(f -> builder.down().withData("import", f));
        return builder.build();
    }
}
