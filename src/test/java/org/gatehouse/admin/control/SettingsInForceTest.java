package org.gatehouse.admin.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsInForceTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("1 minute", SettingsInForce.words(Duration.ofSeconds(60)));
        assertEquals("90 seconds", SettingsInForce.words(Duration.ofSeconds(90)));
        assertEquals("10 minutes", SettingsInForce.words(Duration.ofMinutes(10)));
        assertEquals("1 hour", SettingsInForce.words(Duration.ofHours(1)));
        assertEquals("90 days", SettingsInForce.words(Duration.ofDays(90)));
        assertEquals("0 seconds", SettingsInForce.words(Duration.ZERO));
    }

    @Test
    void theEnvironmentVariableIsMicroProfileConfigsMappingOfTheProperty() {
        assertEquals("GATEHOUSE_TOKEN_REFRESH_FAMILY_TTL",
                new SettingsInForce.Row("x", "y", "gatehouse.token.refresh-family-ttl").getEnvironment());
        assertEquals("", new SettingsInForce.Row("x", "y", null).getEnvironment());
    }
}
