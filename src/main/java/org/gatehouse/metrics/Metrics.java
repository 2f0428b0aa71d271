package org.gatehouse.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Set;

/**
 * Gatehouse's application metrics, one registry per node, in the Prometheus text format
 * ({@link MetricsServlet}). Every label takes its value from a fixed set (grant types the server
 * serves, RFC 6749 §5.2 error codes, a handful of outcomes), never from a request as sent, so the
 * number of series is bounded whatever clients send.
 * <ul>
 *   <li>{@code gatehouse_token_requests_total{grant_type,outcome}}: token endpoint answers, outcome
 *   {@code issued} or the OAuth {@code error} code;</li>
 *   <li>{@code gatehouse_token_request_seconds{grant_type}}: their latency (histogram);</li>
 *   <li>{@code gatehouse_sign_ins_total{result}}: {@code succeeded}, {@code failed}, {@code throttled};</li>
 *   <li>{@code gatehouse_bearer_rejected_total}: API calls whose access token was refused;</li>
 *   <li>{@code gatehouse_code_replays_total}, {@code gatehouse_refresh_reuses_total}: detected
 *   replays of a used code and reuses of a rotated refresh token (each revokes a grant);</li>
 *   <li>{@code gatehouse_api_request_seconds{status}}: latency of the protected API (histogram), by
 *   status class ({@code 2xx}, {@code 4xx}, ...).</li>
 * </ul>
 */
@ApplicationScoped
public class Metrics {

    /** The grant types a label may name; anything else (unknown, missing) is counted as {@code other}. */
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");
    /** The RFC 6749 §5.2 error codes (and {@code server_error}, {@code temporarily_unavailable}) a label may name. */
    static final Set<String> ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant", "unauthorized_client",
            "unsupported_grant_type", "invalid_scope", "server_error", "temporarily_unavailable");
    static final Set<String> SIGN_IN_RESULTS = Set.of("succeeded", "failed", "throttled");

    /** Histogram buckets of the latencies: from a cached token check to a slow password hash. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter bearerRejected = Counter.builder("gatehouse.bearer.rejected")
            .description("API calls whose bearer access token was refused").register(registry);
    private final Counter codeReplays = Counter.builder("gatehouse.code.replays")
            .description("Authorization codes presented again after their use (the grant is revoked)").register(registry);
    private final Counter refreshReuses = Counter.builder("gatehouse.refresh.reuses")
            .description("Rotated refresh tokens presented again (the grant is revoked)").register(registry);

    public Metrics() {
        for (String grantType : GRANT_TYPES) {
            timer(grantType); // present from the start, so a scrape sees zero rather than nothing
        }
        for (String result : SIGN_IN_RESULTS) {
            signIns(result);
        }
    }

    /** One token endpoint answer: {@code error} null when tokens were issued. */
    public void tokenRequest(String grantType, String error, Duration took) {
        String type = grantType != null && GRANT_TYPES.contains(grantType) ? grantType : "other";
        String outcome = error == null ? "issued" : ERRORS.contains(error) ? error : "other";
        Counter.builder("gatehouse.token.requests").description("Token endpoint answers by grant type and outcome")
                .tag("grant_type", type).tag("outcome", outcome).register(registry).increment();
        timer(type).record(took);
    }

    private Timer timer(String grantType) {
        return Timer.builder("gatehouse.token.request").description("Token endpoint latency by grant type")
                .tag("grant_type", grantType).serviceLevelObjectives(BUCKETS).register(registry);
    }

    /** A sign-in on the login page: {@code succeeded}, {@code failed} or {@code throttled}. */
    public void signIn(String result) {
        signIns(SIGN_IN_RESULTS.contains(result) ? result : "failed").increment();
    }

    private Counter signIns(String result) {
        return Counter.builder("gatehouse.sign.ins").description("Sign-ins on the login page by result")
                .tag("result", result).register(registry);
    }

    public void bearerRejected() {
        bearerRejected.increment();
    }

    public void codeReplay() {
        codeReplays.increment();
    }

    public void refreshReuse() {
        refreshReuses.increment();
    }

    /** One call of the protected API ({@code /api/*}) and its status. */
    public void apiRequest(int status, Duration took) {
        String statusClass = status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
        Timer.builder("gatehouse.api.request").description("Protected API latency by status class")
                .tag("status", statusClass).serviceLevelObjectives(BUCKETS).register(registry).record(took);
    }

    /** Everything in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
