package org.gatehouse.authorize;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a sign-in is recent enough for a request (OIDC Core §3.1.2.1 prompt=login, max_age). */
class OpenIdParametersTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static OpenIdParameters with(Set<String> prompt, Integer maxAge) {
        return new OpenIdParameters(null, prompt, maxAge, null, null);
    }

    @Test
    void anySignInCountsUnlessAsked() {
        assertNull(with(Set.of(), null).authNotBefore(NOW));
        assertNull(with(Set.of("consent"), null).authNotBefore(NOW));
        assertTrue(OpenIdParameters.recentEnough(NOW.minusSeconds(86400), null));
    }

    @Test
    void promptLoginAndSelectAccountNeedASignInAfterTheRequest() {
        assertEquals(NOW, with(Set.of("login"), null).authNotBefore(NOW));
        assertEquals(NOW, with(Set.of("select_account"), null).authNotBefore(NOW));
        assertFalse(OpenIdParameters.recentEnough(NOW.minusSeconds(1), NOW));
        assertTrue(OpenIdParameters.recentEnough(NOW, NOW));
        assertFalse(OpenIdParameters.recentEnough(null, NOW), "a session without a sign-in time never counts");
    }

    @Test
    void maxAgeMeasuresTheSignInsAge() {
        assertEquals(NOW.minusSeconds(300), with(Set.of(), 300).authNotBefore(NOW));
        assertEquals(NOW, with(Set.of(), 0).authNotBefore(NOW), "max_age=0 is a fresh sign-in");
        assertEquals(NOW, with(Set.of("login"), 300).authNotBefore(NOW), "the stricter of the two");
    }

    @Test
    void promptNoneAndConsentAreRead() {
        assertTrue(with(Set.of("none"), null).promptNone());
        assertTrue(with(Set.of("consent", "login"), null).promptConsent());
        assertFalse(OpenIdParameters.NONE.promptNone());
    }
}
