package org.gatehouse.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import java.time.Instant;

/**
 * {@code /health/started} (MicroProfile Health's start-up probe, for a Kubernetes
 * {@code startupProbe}): UP once the application's context is up. The health endpoints are served
 * from the application's own web module, so nothing answers them before the deployment has
 * finished, and it finishes only after the start-up steps (migrations, signing key, bootstrap
 * admin, import: {@code bootstrap.Startup}) ran; a failed step fails the deployment. Whether the
 * node should take traffic is readiness's question, not this one.
 */
@Startup
@ApplicationScoped
public class StartupComplete implements HealthCheck {

    private volatile Instant startedAt;

    void deployed(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        startedAt = Instant.now();
    }

    @Override
    public HealthCheckResponse call() {
        Instant at = startedAt;
        var builder = HealthCheckResponse.named("started");
        return at == null ? builder.down().build() : builder.up().withData("since", at.toString()).build();
    }
}
