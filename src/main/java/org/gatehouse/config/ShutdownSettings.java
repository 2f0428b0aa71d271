package org.gatehouse.config;

import java.time.Duration;

/**
 * What happens between SIGTERM and the server stopping (health.ShutdownDrain).
 *
 * @param drain   {@code gatehouse.shutdown.drain}: how long readiness reports DOWN while the server
 *                still serves every request, so load balancers and Kubernetes take the node out of
 *                rotation before it stops. Default {@code PT5S}; {@code PT0S} stops at once.
 * @param timeout {@code gatehouse.shutdown.timeout}: after the drain, how long requests still in
 *                flight are waited for before the server stops anyway. Default {@code PT20S}.
 */
public record ShutdownSettings(Duration drain, Duration timeout) {

    public ShutdownSettings {
        if (drain.isNegative() || timeout.isNegative()) {
            throw new IllegalArgumentException("gatehouse.shutdown.drain and gatehouse.shutdown.timeout must not be negative");
        }
    }
}
