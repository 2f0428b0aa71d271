package org.gatehouse.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
