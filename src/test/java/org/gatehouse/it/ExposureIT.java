package org.gatehouse.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What the server itself publishes on the application port (server-config/payara/*.asadmin):
 * Payara's MicroProfile Metrics and OpenAPI endpoints are off unless switched on, so an anonymous
 * visitor learns neither the JVM figures nor the API model; the health endpoints, which load
 * balancers and orchestrators probe without credentials, answer, including the start-up probe.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExposureIT {

    @Test
    void serverMetricsAreNotServedAnonymously() {
        for (String path : new String[] {"/metrics", "/metrics/base", "/metrics/vendor", "/metrics/application"}) {
            HttpResponse<String> r = Http.get(path, "Accept", "text/plain");
            assertNotEquals(200, r.statusCode(), path + " answered " + r.body());
            assertFalse(r.body().contains("# TYPE") || r.body().contains("# HELP"), path + " answered " + r.body());
        }
        HttpResponse<String> json = Http.get("/metrics", "Accept", "application/json");
        assertNotEquals(200, json.statusCode(), json.body());
    }

    @Test
    void theApiModelIsNotPublished() {
        for (String path : new String[] {"/openapi", "/openapi/", "/openapi?format=json"}) {
            HttpResponse<String> r = Http.get(path);
            assertNotEquals(200, r.statusCode(), path + " answered " + r.body());
            assertFalse(r.body().contains("openapi:") || r.body().contains("\"openapi\""), path + " answered " + r.body());
        }
    }

    @Test
    void startupProbeAnswersUp() {
        HttpResponse<String> started = Http.get(Http.health("/health/started"));
        assertEquals(200, started.statusCode(), started.body());
        JsonObject body = Http.json(started);
        assertEquals("UP", body.getString("status"));
        JsonObject check = body.getJsonArray("checks").getJsonObject(0);
        assertEquals("started", check.getString("name"));
        assertEquals("UP", check.getString("status"));
        // the other probes are still there, unauthenticated
        assertEquals(200, Http.get(Http.health("/health/live")).statusCode());
        assertEquals(200, Http.get(Http.health("/health/ready")).statusCode());
        assertEquals(200, Http.get(Http.health("/health")).statusCode());
    }
}
