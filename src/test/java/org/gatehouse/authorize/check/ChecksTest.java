package org.gatehouse.authorize.check;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.gatehouse.authorize.AuthorizationPageException;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.error.OAuthException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each authorization check on its own, without a server. */
class ChecksTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static ClientView client(ClientType type, List<String> redirects, boolean requirePkce) {
        return client(type, redirects, requirePkce, GrantTypes.DEFAULT);
    }

    private static ClientView client(ClientType type, List<String> redirects, boolean requirePkce, Set<String> grantTypes) {
        return new ClientView("c1", "Client", type, type == ClientType.PUBLIC ? AuthMethod.NONE : AuthMethod.CLIENT_SECRET_BASIC,
                null, redirects, Set.of("profile", "notes:read"), Set.of("profile"), grantTypes, requirePkce || type == ClientType.PUBLIC,
                Optional.empty(), Optional.empty(), true, false, List.of());
    }

    private static AuthorizationContext context(ClientView client, String... kv) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.add(kv[i], kv[i + 1]);
        }
        AuthorizationContext c = new AuthorizationContext(params);
        c.client = client;
        return c;
    }

    @Test
    void acceptsTheExactRegisteredRedirectUri() {
        AuthorizationContext c = context(client(ClientType.CONFIDENTIAL, List.of("https://app.example/cb"), true),
                "redirect_uri", "https://app.example/cb");
        new RedirectUriCheck().check(c);
        assertEquals("https://app.example/cb", c.redirectUri());
    }

    @Test
    void rejectsRedirectUriWithExtraPathSegment() {
        AuthorizationContext c = context(client(ClientType.CONFIDENTIAL, List.of("https://app.example/cb"), true),
                "redirect_uri", "https://app.example/cb/x");
        AuthorizationPageException e = assertThrows(AuthorizationPageException.class, () -> new RedirectUriCheck().check(c));
        // the page names what was sent and for which client, so the developer can see the difference
        assertTrue(e.getMessage().contains("https://app.example/cb/x") && e.getMessage().contains("client_id c1"), e.getMessage());
    }

    @Test
    void rejectsRedirectUriWithTrailingSlashOrOtherCase() {
        for (String given : new String[] {"https://app.example/cb/", "https://APP.example/cb", "https://app.example/cb?a=1",
                "https://app.example/cb#f", "http://app.example/cb"}) {
            AuthorizationContext c = context(client(ClientType.CONFIDENTIAL, List.of("https://app.example/cb"), true),
                    "redirect_uri", given);
            assertThrows(AuthorizationPageException.class, () -> new RedirectUriCheck().check(c), given);
        }
    }

    @Test
    void loopbackRedirectMayVaryOnlyItsPort() {
        assertTrue(RedirectUriCheck.loopbackMatch(true, "http://127.0.0.1/cb", "http://127.0.0.1:4711/cb"));
        assertTrue(RedirectUriCheck.loopbackMatch(true, "http://127.0.0.1:80/cb", "http://127.0.0.1:4711/cb"));
        assertTrue(RedirectUriCheck.loopbackMatch(true, "http://[::1]/cb", "http://[::1]:4711/cb"));
        assertFalse(RedirectUriCheck.loopbackMatch(true, "http://127.0.0.1/cb", "http://127.0.0.1:4711/cb2"));
        assertFalse(RedirectUriCheck.loopbackMatch(true, "http://127.0.0.1/cb", "http://[::1]:4711/cb"));
        assertFalse(RedirectUriCheck.loopbackMatch(true, "https://app.example/cb", "https://app.example:444/cb"));
    }

    @Test
    void anyPortOnlyForPublicClientsAndIpLiteralLoopback() {
        assertFalse(RedirectUriCheck.loopbackMatch(true, "http://localhost/cb", "http://localhost:4711/cb"),
                "localhost is a name, not the loopback interface (RFC 8252 §8.3)");
        assertFalse(RedirectUriCheck.loopbackMatch(false, "http://127.0.0.1/cb", "http://127.0.0.1:4711/cb"),
                "a confidential client's redirect matches exactly");
        AuthorizationContext confidential = context(client(ClientType.CONFIDENTIAL, List.of("http://127.0.0.1/cb"), true),
                "redirect_uri", "http://127.0.0.1:4711/cb");
        assertThrows(AuthorizationPageException.class, () -> new RedirectUriCheck().check(confidential));
        AuthorizationContext pub = context(client(ClientType.PUBLIC, List.of("http://127.0.0.1/cb"), true),
                "redirect_uri", "http://127.0.0.1:4711/cb");
        new RedirectUriCheck().check(pub);
        assertEquals("http://127.0.0.1:4711/cb", pub.redirectUri());
        AuthorizationContext named = context(client(ClientType.PUBLIC, List.of("http://localhost/cb"), true),
                "redirect_uri", "http://localhost:4711/cb");
        assertThrows(AuthorizationPageException.class, () -> new RedirectUriCheck().check(named));
    }

    @Test
    void omittedRedirectUriOnlyWithExactlyOneRegistered() {
        AuthorizationContext one = context(client(ClientType.CONFIDENTIAL, List.of("https://app.example/cb"), true));
        new RedirectUriCheck().check(one);
        assertEquals("https://app.example/cb", one.redirectUri());
        AuthorizationContext two = context(client(ClientType.CONFIDENTIAL, List.of("https://a.example/cb", "https://b.example/cb"), true));
        assertThrows(AuthorizationPageException.class, () -> new RedirectUriCheck().check(two));
    }

    @Test
    void aClientWithoutRedirectUrisGetsAnErrorPageNeverARedirect() {
        ClientView service = client(ClientType.CONFIDENTIAL, List.of(), true, Set.of(GrantTypes.CLIENT_CREDENTIALS));
        AuthorizationPageException omitted = assertThrows(AuthorizationPageException.class,
                () -> new RedirectUriCheck().check(context(service)));
        assertTrue(omitted.getMessage().contains("no redirect URI registered"), omitted.getMessage());
        assertThrows(AuthorizationPageException.class,
                () -> new RedirectUriCheck().check(context(service, "redirect_uri", "https://app.example/cb")));
    }

    @Test
    void onlyAClientRegisteredForAuthorizationCodeMayAskForACode() {
        ClientView service = client(ClientType.CONFIDENTIAL, List.of("https://app.example/cb"), true, Set.of(GrantTypes.CLIENT_CREDENTIALS));
        OAuthException e = assertThrows(OAuthException.class, () -> new GrantTypeCheck().check(context(service)));
        assertEquals("unauthorized_client", e.error());
        new GrantTypeCheck().check(context(client(ClientType.CONFIDENTIAL, List.of("https://app.example/cb"), true,
                Set.of(GrantTypes.AUTHORIZATION_CODE, GrantTypes.CLIENT_CREDENTIALS))));
    }

    @Test
    void scopeDefaultsAndRejectsUnknownScopes() {
        AuthorizationContext none = context(client(ClientType.CONFIDENTIAL, List.of(), true));
        new ScopeCheck().check(none);
        assertEquals(Set.of("profile"), none.scopes);
        AuthorizationContext bad = context(client(ClientType.CONFIDENTIAL, List.of(), true), "scope", "profile admin");
        OAuthException e = assertThrows(OAuthException.class, () -> new ScopeCheck().check(bad));
        assertEquals("invalid_scope", e.error());
    }

    @Test
    void pkceRequiresS256ForPublicClients() {
        ClientView spa = client(ClientType.PUBLIC, List.of(), false);
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> new PkceCheck(false).check(context(spa))).error());
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> new PkceCheck(false).check(context(spa, "code_challenge", CHALLENGE, "code_challenge_method", "plain"))).error());
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> new PkceCheck(false).check(context(spa, "code_challenge", CHALLENGE))).error());
        AuthorizationContext ok = context(spa, "code_challenge", CHALLENGE, "code_challenge_method", "S256");
        new PkceCheck(false).check(ok);
        assertEquals(CHALLENGE, ok.codeChallenge);
    }

    @Test
    void pkceOptionalOnlyWhenNeitherClientNorServerRequireIt() {
        ClientView lax = client(ClientType.CONFIDENTIAL, List.of(), false);
        new PkceCheck(false).check(context(lax));
        assertThrows(OAuthException.class, () -> new PkceCheck(true).check(context(lax)));
    }

    @Test
    void responseTypeMustBeCode() {
        ClientView c = client(ClientType.CONFIDENTIAL, List.of(), true);
        assertEquals("unsupported_response_type", assertThrows(OAuthException.class,
                () -> new ResponseTypeCheck().check(context(c, "response_type", "token"))).error());
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> new ResponseTypeCheck().check(context(c))).error());
        new ResponseTypeCheck().check(context(c, "response_type", "code"));
    }
}
