package org.gatehouse.playground;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateJsonTest {

    private static FlowState withTokens(String scope) {
        FlowState s = new FlowState();
        s.accessToken = "a.b.c";
        s.refreshToken = "r";
        s.grantedScope = scope;
        return s;
    }

    @Test
    void callWithoutTheScopeIsOffWithAReasonWhenTheTokenHasEveryScope() {
        JsonObject all = StateJson.of(withTokens("openid profile notes:read notes:write"), Instant.now());
        assertFalse(all.getJsonObject("can").getBoolean("wrongScope"));
        assertTrue(all.getJsonObject("why").getString("wrongScope").contains("leave out notes:write"),
                all.getJsonObject("why").toString());

        JsonObject some = StateJson.of(withTokens("profile notes:read notes:write"), Instant.now());
        assertTrue(some.getJsonObject("can").getBoolean("wrongScope"), "without openid, UserInfo shows the 403");
        assertFalse(some.getJsonObject("why").containsKey("wrongScope"));
    }

    @Test
    void aRevokedGrantOrAReplayedCodeTurnsOffWhatCouldOnlyFailAgain() {
        FlowState s = withTokens("profile");
        s.consumedCode = "code";
        s.replayed = true;
        s.revoked = true;
        s.rotatedRefreshTokens.add("old");
        JsonObject json = StateJson.of(s, Instant.now());
        JsonObject can = json.getJsonObject("can");
        assertFalse(can.getBoolean("replay") || can.getBoolean("refresh") || can.getBoolean("reuseRefresh") || can.getBoolean("revoke"));
        assertTrue(can.getBoolean("callApi"), "calling the API shows the 401 a revoked token gets");
        JsonObject why = json.getJsonObject("why");
        assertTrue(why.getString("replay").startsWith("Already replayed"));
        assertTrue(why.getString("refresh").startsWith("The grant is revoked"));
        assertTrue(why.getString("revoke").startsWith("Already revoked"));
    }

    @Test
    void aRefusalNamesItsStepRoleAndTheServersAnswer() {
        FlowState s = withTokens("profile");
        s.failure = new FlowState.Failure(FlowState.Step.D, FlowState.Role.AUTHORIZATION_SERVER, 400, "invalid_grant",
                "The code is invalid", "used twice");
        JsonObject f = StateJson.of(s, Instant.now()).getJsonObject("failure");
        assertEquals("D", f.getString("step"));
        assertEquals("as", f.getString("role"));
        assertEquals(400, f.getInt("status"));
        assertEquals("The code is invalid", f.getString("description"));
        assertEquals("used twice", f.getString("reason"));
    }
}
