package org.gatehouse.client;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.gatehouse.error.OAuthException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterLimitsTest {

    @Test
    void overlongValuesAreInvalidRequestsNamingTheParameterNeverEchoingIt() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("grant_type", "authorization_code");
        form.putSingle("code_verifier", "v".repeat(129));
        OAuthException e = assertThrows(OAuthException.class, () -> FormParameters.single(form));
        assertEquals("invalid_request", e.error());
        assertEquals("code_verifier must not be longer than 128 characters", e.description());

        form.putSingle("code_verifier", "v".repeat(128));
        assertEquals(128, FormParameters.single(form).get("code_verifier").length());

        form.putSingle("client_id", "c".repeat(101));
        assertEquals("client_id must not be longer than 100 characters",
                assertThrows(OAuthException.class, () -> FormParameters.single(form)).description());
    }

    @Test
    void unknownParametersHaveADefaultLimitAndNamesAreCapped() {
        OAuthException value = assertThrows(OAuthException.class, () -> ParameterLimits.check("x-junk", "j".repeat(2001)));
        assertEquals("A parameter must not be longer than 2000 characters", value.description());
        assertFalse(value.description().contains("x-junk"), "an unknown name is not echoed");
        OAuthException name = assertThrows(OAuthException.class, () -> ParameterLimits.check("n".repeat(101), "v"));
        assertEquals("A parameter name is too long", name.description());
        ParameterLimits.check("state", "s".repeat(1000));
        assertThrows(OAuthException.class, () -> ParameterLimits.check("state", "s".repeat(1001)));
    }

    @Test
    void aNulCharacterIsRefusedWhereverItIs() {
        assertEquals("A parameter contains a NUL character",
                assertThrows(OAuthException.class, () -> ParameterLimits.check("client_id", "a\0b")).description());
        assertEquals("A parameter contains a NUL character",
                assertThrows(OAuthException.class, () -> ParameterLimits.check("x\0", "v")).description());
    }
}
