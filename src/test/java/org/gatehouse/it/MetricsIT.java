package org.gatehouse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application metrics at {@code /ops/metrics} (metrics package): only for a scraper with the
 * configured token, in the Prometheus text format, counting what really happened on the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final String SERVICE = "it-service";
    private static final String SERVICE_SECRET = "it-service-secret-0123456789abcdefghijklmnop";

    private static String token() {
        return System.getProperty("it.metrics.token");
    }

    private static String scrape() {
        HttpResponse<String> r = Http.get("/ops/metrics", "Authorization", "Bearer " + token());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        return r.body();
    }

    /** The value of one series (0 if it is not there yet). */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void withoutTheTokenNothingIsShown() {
        for (String[] headers : new String[][] {{}, {"Authorization", "Bearer wrong-token-0123456789abcdefghijklmnop"},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + token()).getBytes())}}) {
            HttpResponse<String> r = Http.get("/ops/metrics", headers);
            assertEquals(401, r.statusCode(), r.body());
            assertFalse(r.body().contains("# TYPE") || r.body().contains("gatehouse_"), r.body());
        }
    }

    @Test
    void tokenRequestsAndTheirErrorsAreCountedByGrantTypeAndOutcome() {
        String before = scrape();
        String issued = "gatehouse_token_requests_total{grant_type=\"client_credentials\",outcome=\"issued\"}";
        String refused = "gatehouse_token_requests_total{grant_type=\"client_credentials\",outcome=\"invalid_client\"}";
        String odd = "gatehouse_token_requests_total{grant_type=\"other\",outcome=\"unsupported_grant_type\"}";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.postForm("/oauth2/token", Http.map("grant_type", "client_credentials"),
                    "Authorization", Http.basic(SERVICE, SERVICE_SECRET)).statusCode());
        }
        assertEquals(401, Http.postForm("/oauth2/token", Http.map("grant_type", "client_credentials"),
                "Authorization", Http.basic(SERVICE, SERVICE_SECRET + "x")).statusCode());
        assertEquals(400, Http.postForm("/oauth2/token", Http.map("grant_type", "urn:made-up:" + "x".repeat(40)),
                "Authorization", Http.basic(SERVICE, SERVICE_SECRET)).statusCode());
        String after = scrape();
        assertEquals(3, value(after, issued) - value(before, issued), issued);
        assertEquals(1, value(after, refused) - value(before, refused), refused);
        assertEquals(1, value(after, odd) - value(before, odd), "a grant type as sent never becomes a label: " + odd);
        assertFalse(after.contains("urn:made-up"), "no label from the request");
        String count = "gatehouse_token_request_seconds_count{grant_type=\"client_credentials\"}";
        assertEquals(4, value(after, count) - value(before, count), count);
        assertTrue(after.contains("gatehouse_token_request_seconds_bucket{grant_type=\"client_credentials\",le=\"0.05\"}"),
                "a latency histogram");
    }

    @Test
    void signInsRefusedBearerTokensAndApiLatencyAreCounted() {
        String before = scrape();
        // from addresses of their own (through the suite's trusted proxy), so that no other test's
        // failures from loopback can turn these into throttled attempts
        OAuthFlow stranger = new OAuthFlow().from("198.51.100.71");
        stranger.signIn(stranger.get("/login"), "metrics-nobody", "not-a-password-at-all");
        OAuthFlow kim = new OAuthFlow().from("198.51.100.72");
        kim.signIn(kim.get("/login"), "kim", "kim-password-1");
        assertEquals(401, Http.get("/api/me", "Authorization", "Bearer not.a.token").statusCode());
        String access = Http.json(Http.postForm("/oauth2/token", Http.map("grant_type", "client_credentials"),
                "Authorization", Http.basic(SERVICE, SERVICE_SECRET))).getString("access_token");
        Http.get("/api/me", "Authorization", "Bearer " + access);
        String after = scrape();
        assertEquals(1, value(after, "gatehouse_sign_ins_total{result=\"failed\"}") - value(before, "gatehouse_sign_ins_total{result=\"failed\"}"));
        assertEquals(1, value(after, "gatehouse_sign_ins_total{result=\"succeeded\"}")
                - value(before, "gatehouse_sign_ins_total{result=\"succeeded\"}"));
        assertEquals(1, value(after, "gatehouse_bearer_rejected_total") - value(before, "gatehouse_bearer_rejected_total"));
        double api = 0;
        for (String status : new String[] {"2xx", "4xx"}) {
            String series = "gatehouse_api_request_seconds_count{status=\"" + status + "\"}";
            api += value(after, series) - value(before, series);
        }
        assertEquals(1, api, "the API call with a valid token is timed");
        assertTrue(after.contains("gatehouse_code_replays_total") && after.contains("gatehouse_refresh_reuses_total"), after);
    }
}
