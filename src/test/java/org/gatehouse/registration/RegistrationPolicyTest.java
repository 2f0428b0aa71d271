package org.gatehouse.registration;

import org.gatehouse.config.RegistrationSettings;
import org.gatehouse.config.RegistrationSettings.Mode;
import org.gatehouse.error.OAuthException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decisions made before metadata is read, in every mode (the integration suite runs initial-token). */
class RegistrationPolicyTest {

    @Test
    void offRefusesRegistrationAndManagementAlike() {
        OAuthException e = assertThrows(OAuthException.class, () -> RegistrationPolicy.admit(Mode.OFF, Optional.of("t")));
        assertEquals("access_denied", e.error());
        assertEquals(403, e.status());
        assertThrows(OAuthException.class, () -> RegistrationPolicy.manageable(Mode.OFF));
        assertFalse(RegistrationSettings.defaults().enabled());
    }

    @Test
    void openNeedsNoToken() {
        assertDoesNotThrow(() -> RegistrationPolicy.admit(Mode.OPEN, Optional.empty()));
        assertFalse(RegistrationPolicy.needsInitialToken(Mode.OPEN));
        assertDoesNotThrow(() -> RegistrationPolicy.manageable(Mode.OPEN));
    }

    @Test
    void initialTokenModeWantsABearerToken() {
        OAuthException e = assertThrows(OAuthException.class, () -> RegistrationPolicy.admit(Mode.INITIAL_TOKEN, Optional.empty()));
        assertEquals("invalid_token", e.error());
        assertEquals(401, e.status());
        assertTrue(e.challenge().orElseThrow().contains("error=\"invalid_token\""));
        assertDoesNotThrow(() -> RegistrationPolicy.admit(Mode.INITIAL_TOKEN, Optional.of("t")));
        assertTrue(RegistrationPolicy.needsInitialToken(Mode.INITIAL_TOKEN));
    }

    @Test
    void theCeilingCountsSelfRegisteredClients() {
        assertDoesNotThrow(() -> RegistrationPolicy.withinCeiling(9, 10));
        assertEquals("access_denied", assertThrows(OAuthException.class, () -> RegistrationPolicy.withinCeiling(10, 10)).error());
        assertThrows(OAuthException.class, () -> RegistrationPolicy.withinCeiling(0, 0));
    }

    @Test
    void bearerTokensAreReadStrictly() {
        assertEquals(Optional.of("abc"), RegistrationPolicy.bearer("Bearer abc"));
        assertEquals(Optional.of("abc"), RegistrationPolicy.bearer("bearer abc"));
        assertEquals(Optional.empty(), RegistrationPolicy.bearer("Basic abc"));
        assertEquals(Optional.empty(), RegistrationPolicy.bearer("Bearer "));
        assertEquals(Optional.empty(), RegistrationPolicy.bearer("Bearer a b"));
        assertEquals(Optional.empty(), RegistrationPolicy.bearer("Bearer " + "x".repeat(300)));
        assertEquals(Optional.empty(), RegistrationPolicy.bearer(null));
    }

    @Test
    void theModeSettingIsOneOfThree() {
        assertEquals(Mode.INITIAL_TOKEN, Mode.of(" Initial-Token "));
        assertEquals(Mode.OPEN, Mode.of("open"));
        assertThrows(IllegalArgumentException.class, () -> Mode.of("on"));
        assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings(Mode.OPEN, 0, 10));
    }
}
