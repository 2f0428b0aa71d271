package org.gatehouse.api;

import org.gatehouse.user.AccountView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Standard claims by scope (OIDC Core §5.4). */
class UserInfoClaimsTest {

    private static final AccountView ALICE = new AccountView(1, "sub-a", "alice", "Alice Example", "alice@example.org",
            true, Set.of("user"), true, Instant.parse("2026-12-01T08:00:00Z"), 1);

    @Test
    void scopesDecideTheClaims() {
        assertEquals(Set.of("sub"), UserInfoResource.claims(ALICE, Set.of("openid")).toJSONObject().keySet());
        var profile = UserInfoResource.claims(ALICE, Set.of("openid", "profile")).toJSONObject();
        assertEquals(Set.of("sub", "name", "preferred_username", "updated_at"), profile.keySet());
        assertEquals(Instant.parse("2026-12-01T08:00:00Z").getEpochSecond(), ((Number) profile.get("updated_at")).longValue());
        var email = UserInfoResource.claims(ALICE, Set.of("openid", "email")).toJSONObject();
        assertEquals(Set.of("sub", "email", "email_verified"), email.keySet());
        assertEquals(Boolean.TRUE, email.get("email_verified"));
    }

    @Test
    void missingValuesAreLeftOutNotSentEmpty() {
        AccountView bare = new AccountView(2, "sub-b", "bob", null, null, false, Set.of("user"), true, null, 1);
        var claims = UserInfoResource.claims(bare, Set.of("openid", "profile", "email")).toJSONObject();
        assertEquals(Set.of("sub", "preferred_username"), claims.keySet());
        assertFalse(claims.containsKey("email_verified"));
    }
}
