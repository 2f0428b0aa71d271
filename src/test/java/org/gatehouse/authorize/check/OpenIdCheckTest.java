package org.gatehouse.authorize.check;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.gatehouse.error.OAuthException;
import org.gatehouse.token.IdTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenID Connect parameters of an authorization request (OIDC Core §3.1.2.1), without a server. */
class OpenIdCheckTest {

    /** Knows one good hint, "good-hint", naming alice. */
    private static final IdTokens HINTS = new IdTokens() {
        @Override
        public Optional<Hint> readHint(String idToken) {
            return "good-hint".equals(idToken) ? Optional.of(new Hint("alice-sub", List.of("c1"))) : Optional.empty();
        }
    };

    private static AuthorizationContext checked(Set<String> scopes, String... kv) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.add(kv[i], kv[i + 1]);
        }
        AuthorizationContext c = new AuthorizationContext(params);
        c.scopes = scopes;
        new OpenIdCheck(HINTS).check(c);
        return c;
    }

    private static String error(Set<String> scopes, String... kv) {
        return assertThrows(OAuthException.class, () -> checked(scopes, kv)).error();
    }

    @Test
    void readsNoncePromptMaxAgeAndHints() {
        AuthorizationContext c = checked(Set.of("openid"), "nonce", "n-1", "prompt", "login consent", "max_age", "300",
                "login_hint", "alice", "id_token_hint", "good-hint");
        assertEquals("n-1", c.openId.nonce());
        assertEquals(Set.of("login", "consent"), c.openId.prompt());
        assertEquals(300, c.openId.maxAge());
        assertEquals("alice", c.openId.loginHint());
        assertEquals("alice-sub", c.openId.hintSubject());
    }

    @Test
    void aPlainOAuthRequestKeepsOnlyTheLoginHint() {
        AuthorizationContext c = checked(Set.of("profile"), "nonce", "n", "prompt", "whatever", "max_age", "x",
                "request", "ignored", "login_hint", "bob");
        assertNull(c.openId.nonce());
        assertTrue(c.openId.prompt().isEmpty());
        assertNull(c.openId.maxAge());
        assertEquals("bob", c.openId.loginHint());
    }

    @Test
    void refusesWhatOpenIdConnectForbidsOrGatehouseDoesNotSupport() {
        Set<String> openid = Set.of("openid");
        assertEquals("invalid_request", error(openid, "prompt", "none login"));
        assertEquals("invalid_request", error(openid, "prompt", "sometimes"));
        assertEquals("invalid_request", error(openid, "max_age", "-1"));
        assertEquals("invalid_request", error(openid, "max_age", "1.5"));
        assertEquals("invalid_request", error(openid, "max_age", "99999999999"));
        assertEquals("invalid_request", error(openid, "id_token_hint", "forged"));
        assertEquals("request_not_supported", error(openid, "request", "eyJ9.e30."));
        assertEquals("request_uri_not_supported", error(openid, "request_uri", "https://rp.example/r"));
        assertEquals("registration_not_supported", error(openid, "registration", "{}"));
    }

    @Test
    void aHugeMaxAgeIsCappedNotOverflowed() {
        assertEquals(1_000_000_000, checked(Set.of("openid"), "max_age", "9999999999").openId.maxAge());
    }
}
