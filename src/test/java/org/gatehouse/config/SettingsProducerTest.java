package org.gatehouse.config;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating settings as start-up does: a bad value fails with a message naming the key. */
class SettingsProducerTest {

    private static SettingsProducer producer(Map<String, String> values) {
        SettingsProducer producer = new SettingsProducer();
        producer.config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return producer;
    }

    private static String failure(Runnable start) {
        return assertThrows(IllegalArgumentException.class, start::run).getMessage();
    }

    @Test
    void signingAlgorithmDefaultsToRs256() {
        assertEquals(KeySettings.Algorithm.RS256, producer(Map.of()).keys().algorithm());
        assertEquals(KeySettings.Algorithm.RS256, producer(Map.of("gatehouse.keys.algorithm", " ")).keys().algorithm());
    }

    @Test
    void signingAlgorithmCanBeEs256() {
        assertEquals(KeySettings.Algorithm.ES256, producer(Map.of("gatehouse.keys.algorithm", "ES256")).keys().algorithm());
        assertEquals(KeySettings.Algorithm.ES256, producer(Map.of("gatehouse.keys.algorithm", " ES256 ")).keys().algorithm());
    }

    @Test
    void unknownSigningAlgorithmsFailTheStart() {
        for (String bad : new String[] {"es256", "HS256", "none", "PS256", "RS512", "ES384"}) {
            String message = failure(() -> producer(Map.of("gatehouse.keys.algorithm", bad)).keys());
            assertEquals("gatehouse.keys.algorithm must be one of [RS256, ES256], not " + bad, message);
        }
        String eddsa = failure(() -> producer(Map.of("gatehouse.keys.algorithm", "EdDSA")).keys());
        assertTrue(eddsa.contains("Google Tink"), eddsa);
    }

    @Test
    void argon2ParametersDefaultToOwaspsFirstChoiceAndBadValuesFailTheStart() {
        assertEquals(new PasswordSettings(19456, 2, 1), producer(Map.of()).passwords());
        assertEquals(PasswordSettings.defaults(), producer(Map.of()).passwords());
        assertEquals(new PasswordSettings(65536, 3, 2), producer(Map.of("gatehouse.password.argon2.memory-kib", "65536",
                "gatehouse.password.argon2.iterations", "3", "gatehouse.password.argon2.parallelism", "2")).passwords());
        String weak = assertThrows(IllegalArgumentException.class,
                () -> producer(Map.of("gatehouse.password.argon2.memory-kib", "4096")).passwords()).getMessage();
        assertTrue(weak.startsWith("gatehouse.password.argon2.memory-kib=4096 with gatehouse.password.argon2.iterations=2"), weak);
        String notANumber = assertThrows(IllegalArgumentException.class,
                () -> producer(Map.of("gatehouse.password.argon2.iterations", "two")).passwords()).getMessage();
        assertEquals("gatehouse.password.argon2.iterations must be a whole number, not two", notANumber);
    }

    @Test
    void throttleDefaultsAndLimits() {
        assertEquals(ThrottleSettings.defaults(), producer(Map.of()).throttle());
        assertEquals(3, producer(Map.of("gatehouse.sign-in.max-failures", "3")).throttle().accountFailures());
        assertTrue(failure(() -> producer(Map.of("gatehouse.sign-in.max-failures", "11")).throttle())
                .startsWith("gatehouse.sign-in.max-failures must be between 1 and 10"));
        assertTrue(failure(() -> producer(Map.of("gatehouse.sign-in.lockout", "PT0S")).throttle()).contains("must be positive"));
        assertTrue(failure(() -> producer(Map.of("gatehouse.client-auth.max-failures-per-address", "0")).throttle())
                .contains("at least 1"));
    }

    @Test
    void accessTokensLiveAtMostADaySoRevocationCoversThem() {
        assertTrue(failure(() -> producer(Map.of("gatehouse.token.access-ttl", "P2D")).tokens(producer(Map.of()).server()))
                .startsWith("gatehouse.token.access-ttl must be between 1 second and 1 day"));
        assertTrue(failure(() -> producer(Map.of("gatehouse.token.refresh-family-ttl", "P400D")).tokens(producer(Map.of()).server()))
                .contains("at most 366 days"));
        assertEquals(java.time.Duration.ofDays(1),
                producer(Map.of("gatehouse.token.access-ttl", "P1D")).tokens(producer(Map.of()).server()).accessTokenTtl());
    }
}
