package org.gatehouse.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    @Test
    void labelsComeFromFixedSetsWhateverIsSent() {
        Metrics m = new Metrics();
        m.tokenRequest("urn:anything", "made_up_error", Duration.ofMillis(3));
        m.tokenRequest("client_credentials", null, Duration.ofMillis(3));
        m.signIn("whatever");
        m.apiRequest(999, Duration.ofMillis(1));
        String scrape = m.scrape();
        assertTrue(scrape.contains("gatehouse_token_requests_total{grant_type=\"other\",outcome=\"other\"} 1.0"), scrape);
        assertTrue(scrape.contains("gatehouse_token_requests_total{grant_type=\"client_credentials\",outcome=\"issued\"} 1.0"), scrape);
        assertTrue(scrape.contains("gatehouse_sign_ins_total{result=\"failed\"} 1.0"), scrape);
        assertTrue(scrape.contains("gatehouse_api_request_seconds_count{status=\"other\"} 1"), scrape);
        assertFalse(scrape.contains("urn:anything") || scrape.contains("made_up_error") || scrape.contains("whatever"), scrape);
    }

    @Test
    void everySeriesIsThereFromTheStart() {
        String scrape = new Metrics().scrape();
        assertTrue(scrape.contains("gatehouse_sign_ins_total{result=\"throttled\"} 0.0"), scrape);
        assertTrue(scrape.contains("gatehouse_code_replays_total 0.0"), scrape);
        assertTrue(scrape.contains("gatehouse_token_request_seconds_bucket{grant_type=\"refresh_token\",le=\"0.001\"} 0"), scrape);
    }
}
