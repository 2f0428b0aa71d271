package org.gatehouse.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.gatehouse.client.GrantTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The grant types a label may name (those a client can be registered for, {@link GrantTypes#KNOWN});
     * anything else (unknown, missing) is counted as {@code other}.
     */
    static final Set<String> GRANT_TYPES = Set.copyOf(GrantTypes.KNOWN);
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

    /** Every series registered up front (the label sets are fixed), so a request only looks one up. */
    private final Map<String, Counter> tokenRequests = new HashMap<>();
    private final Map<String, Timer> tokenTimers = new HashMap<>();
    private final Map<String, Counter> signIns = new HashMap<>();
    private final Map<String, Timer> apiTimers = new HashMap<>();

    public Metrics() {
        List<String> types = new ArrayList<>(GRANT_TYPES);
        types.add("other");
        List<String> outcomes = new ArrayList<>(ERRORS);
        outcomes.add("issued");
        outcomes.add("other");
        for (String type : types) {
            tokenTimers.put(type, Timer.builder("gatehouse.token.request").description("Token endpoint latency by grant type")
                    .tag("grant_type", type).serviceLevelObjectives(BUCKETS).register(registry));
            for (String outcome : outcomes) {
                tokenRequests.put(type + " " + outcome, Counter.builder("gatehouse.token.requests")
                        .description("Token endpoint answers by grant type and outcome")
                        .tag("grant_type", type).tag("outcome", outcome).register(registry));
            }
        }
        for (String result : SIGN_IN_RESULTS) {
            signIns.put(result, Counter.builder("gatehouse.sign.ins").description("Sign-ins on the login page by result")
                    .tag("result", result).register(registry));
        }
        for (String status : List.of("1xx", "2xx", "3xx", "4xx", "5xx", "other")) {
            apiTimers.put(status, Timer.builder("gatehouse.api.request").description("Protected API latency by status class")
                    .tag("status", status).serviceLevelObjectives(BUCKETS).register(registry));
        }
    }

    /** One token endpoint answer: {@code error} null when tokens were issued. */
    public void tokenRequest(String grantType, String error, Duration took) {
        String type = grantType != null && GRANT_TYPES.contains(grantType) ? grantType : "other";
        String outcome = error == null ? "issued" : ERRORS.contains(error) ? error : "other";
        tokenRequests.get(type + " " + outcome).increment();
        tokenTimers.get(type).record(took);
    }

    /** A sign-in on the login page: {@code succeeded}, {@code failed} or {@code throttled}. */
    public void signIn(String result) {
        signIns.get(SIGN_IN_RESULTS.contains(result) ? result : "failed").increment();
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
        apiTimers.get(status >= 100 && status < 600 ? (status / 100) + "xx" : "other").record(took);
    }

    /** Everything in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
