package org.gatehouse.authorize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 8252 §8.6, RFC 6749 §10.2: when a remembered consent may stand in for the consent page. */
class RememberedConsentTest {

    private static final String BASE = "https://id.example";

    @Test
    void aPublicClientWithARedirectAnyAppCouldClaimIsAlwaysAsked() {
        for (String redirect : new String[] {"http://127.0.0.1:9876/callback", "http://[::1]/cb", "http://localhost/cb",
                "com.example.app:/oauth2redirect"}) {
            assertFalse(AuthorizationFlow.mayUseRememberedConsent(true, redirect, BASE), redirect);
        }
    }

    @Test
    void confidentialClientsHttpsRedirectsAndThisServerItselfMayUseIt() {
        assertTrue(AuthorizationFlow.mayUseRememberedConsent(false, "http://127.0.0.1:9876/callback", BASE));
        assertTrue(AuthorizationFlow.mayUseRememberedConsent(false, "com.example.app:/oauth2redirect", BASE));
        assertTrue(AuthorizationFlow.mayUseRememberedConsent(true, "https://spa.example/cb", BASE));
        assertTrue(AuthorizationFlow.mayUseRememberedConsent(true, "http://localhost:8080/playground/callback",
                "http://localhost:8080"));
        assertFalse(AuthorizationFlow.mayUseRememberedConsent(true, "http://localhost:8080.evil/cb", "http://localhost:8080"));
    }
}
