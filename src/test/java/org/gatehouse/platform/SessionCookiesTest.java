package org.gatehouse.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionCookiesTest {

    @Test
    void secureExactlyWhenTheIssuerIsHttpsUnlessSetExplicitly() {
        assertTrue(SessionCookies.secure("auto", "https://login.example.org"));
        assertTrue(SessionCookies.secure("AUTO", " HTTPS://login.example.org/"));
        assertFalse(SessionCookies.secure("auto", "http://localhost:8080"));
        assertTrue(SessionCookies.secure("true", "http://localhost:8080"));
        assertFalse(SessionCookies.secure("false", "https://login.example.org"));
        assertThrows(IllegalArgumentException.class, () -> SessionCookies.secure("sometimes", "https://x"));
    }
}
