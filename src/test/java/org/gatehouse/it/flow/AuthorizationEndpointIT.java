package org.gatehouse.it.flow;

import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL;
import static org.gatehouse.it.OAuthFlow.PUBLIC;
import static org.gatehouse.it.OAuthFlow.REDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorization endpoint's ordered checks (RFC 6749 §4.1.1, OAuth 2.1, RFC 9700, RFC 9207). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationEndpointIT {

    private final OAuthFlow flow = new OAuthFlow();

    private static void assertErrorPage(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").isEmpty(), "an unproven client must never be redirected to");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(r.body().contains("Exception"), r.body());
    }

    private Map<String, String> redirectError(Map<String, String> params) {
        HttpResponse<String> r = flow.authorize(params);
        assertEquals(303, r.statusCode(), r.body());
        String location = OAuthFlow.location(r);
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        Map<String, String> q = Http.query(location);
        assertEquals(Http.base(), q.get("iss"));
        assertTrue(q.containsKey("error_description"));
        return q;
    }

    @Test
    void unknownClientGetsAnErrorPageNotARedirect() {
        Map<String, String> p = flow.request("no-such-client", "profile", "s1");
        assertErrorPage(flow.authorize(p));
    }

    @Test
    void missingClientIdGetsAnErrorPage() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s1");
        p.remove("client_id");
        assertErrorPage(flow.authorize(p));
    }

    @Test
    void rejectsUnregisteredRedirectUri() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s1");
        p.put("redirect_uri", "https://evil.example/cb?<script>x</script>");
        HttpResponse<String> page = flow.authorize(p);
        assertErrorPage(page);
        assertTrue(page.body().contains("https://evil.example/cb?&lt;script&gt;x&lt;/script&gt;"), "named, escaped: " + page.body());
        assertFalse(page.body().contains("<script>x"), page.body());
        assertTrue(page.body().contains("IT Confidential Client"), "names the application: " + page.body());
    }

    @Test
    void rejectsRedirectUriWithExtraPathSegment() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s1");
        p.put("redirect_uri", REDIRECT + "/more");
        assertErrorPage(flow.authorize(p));
    }

    @Test
    void rejectsRedirectUriWithExtraQueryOrDifferentCase() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s1");
        p.put("redirect_uri", REDIRECT + "?x=1");
        assertErrorPage(flow.authorize(p));
        p.put("redirect_uri", "https://client.example.org/CB");
        assertErrorPage(flow.authorize(p));
    }

    @Test
    void loopbackRedirectMayChangeOnlyItsPort() {
        Map<String, String> p = flow.request(PUBLIC, "profile", "s1");
        p.put("redirect_uri", "http://127.0.0.1:51234/callback");
        HttpResponse<String> r = flow.authorize(p);
        assertEquals(303, r.statusCode());
        assertTrue(OAuthFlow.location(r).startsWith(Http.base() + "/login?request="), OAuthFlow.location(r));
        p.put("redirect_uri", "http://127.0.0.1:51234/other");
        assertErrorPage(flow.authorize(p));
    }

    @Test
    void aConfidentialClientsLoopbackRedirectMustMatchExactly() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s1");
        p.put("redirect_uri", "http://127.0.0.1:51234/callback"); // registered: http://127.0.0.1:9876/callback
        assertErrorPage(flow.authorize(p));
    }

    /**
     * RFC 8252 §8.6, RFC 6749 §10.2: any app on the device can receive a loopback or private-use
     * redirect, so for a public client a remembered consent never skips the page, neither for a
     * signed-in browser (answered at once otherwise) nor right after sign-in.
     */
    @Test
    void aPublicClientsRememberedConsentNeverSkipsTheConsentPage() {
        for (String redirect : new String[] {"http://127.0.0.1:51234/callback", "com.example.app:/oauth2redirect"}) {
            OAuthFlow browser = new OAuthFlow();
            Map<String, String> p = browser.request(PUBLIC, "profile", "first");
            p.put("redirect_uri", redirect);
            String first = browser.authorizeAndApprove(p, "carol", "carol-password-1");
            assertTrue(first.startsWith(redirect) && Http.query(first).containsKey("code"), first);
            assertEquals(1, Db.count("select count(*) from consent c join account a on a.id = c.account_id"
                    + " where a.username = 'carol' and c.client_id = ?", PUBLIC), "the consent is remembered");

            p.put("state", "again");
            HttpResponse<String> again = browser.follow(browser.authorize(p));
            assertEquals(200, again.statusCode(), again.headers().firstValue("Location").orElse(""));
            assertTrue(again.body().contains("id=\"consent\""), redirect + ": asked again while signed in");

            OAuthFlow fresh = new OAuthFlow();
            p.put("state", "fresh");
            HttpResponse<String> login = fresh.follow(fresh.authorize(p));
            HttpResponse<String> afterSignIn = fresh.follow(fresh.signIn(login, "carol", "carol-password-1"));
            assertEquals(200, afterSignIn.statusCode(), afterSignIn.headers().firstValue("Location").orElse(""));
            assertTrue(afterSignIn.body().contains("id=\"consent\""), redirect + ": asked again after sign-in");
        }
    }

    @Test
    void repeatedClientIdIsAnErrorPage() {
        String query = Http.form(flow.request(CONFIDENTIAL, "profile", "s1")) + "&client_id=" + CONFIDENTIAL;
        assertErrorPage(flow.get("/oauth2/authorize?" + query));
    }

    @Test
    void repeatedOtherParameterIsRedirectedAsInvalidRequest() {
        String query = Http.form(flow.request(CONFIDENTIAL, "profile", "s1")) + "&scope=profile";
        HttpResponse<String> r = flow.get("/oauth2/authorize?" + query);
        Map<String, String> q = Http.query(OAuthFlow.location(r));
        assertEquals("invalid_request", q.get("error"));
        assertEquals("s1", q.get("state"));
    }

    @Test
    void responseTypeOtherThanCodeIsUnsupported() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s2");
        p.put("response_type", "token");
        Map<String, String> q = redirectError(p);
        assertEquals("unsupported_response_type", q.get("error"));
        assertEquals("s2", q.get("state"));
    }

    @Test
    void missingResponseTypeIsInvalidRequest() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s3");
        p.remove("response_type");
        assertEquals("invalid_request", redirectError(p).get("error"));
    }

    @Test
    void scopeNotAllowedForTheClientIsInvalidScope() {
        Map<String, String> p = flow.request(OAuthFlow.POST_CLIENT, "profile notes:write", "s4");
        Map<String, String> q = redirectError(p);
        assertEquals("invalid_scope", q.get("error"));
        assertEquals("s4", q.get("state"));
    }

    @Test
    void omittedScopeMeansTheClientsDefault() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "x", "s5");
        p.remove("scope");
        HttpResponse<String> r = flow.authorize(p);
        String location = OAuthFlow.location(r);
        assertTrue(location.contains("/login?request="), location);
        String id = Http.query(location).get("request");
        assertEquals("profile", Db.value("select scopes from pending_authorization where id = ?", id));
    }

    @Test
    void pkceIsRequired() {
        Map<String, String> p = flow.request(CONFIDENTIAL, "profile", "s6");
        p.remove("code_challenge");
        p.remove("code_challenge_method");
        assertEquals("invalid_request", redirectError(p).get("error"));
    }

    @Test
    void plainPkceIsRejected() {
        Map<String, String> p = flow.request(PUBLIC, "profile", "s7");
        p.put("code_challenge_method", "plain");
        assertEquals("invalid_request", redirectError(p).get("error"));
        p.remove("code_challenge_method");
        assertEquals("invalid_request", redirectError(p).get("error"));
    }

    @Test
    void malformedChallengeIsRejected() {
        Map<String, String> p = flow.request(PUBLIC, "profile", "s8");
        p.put("code_challenge", "short");
        assertEquals("invalid_request", redirectError(p).get("error"));
    }

    @Test
    void validRequestIsParkedServerSideUnderAnUnguessableId() {
        HttpResponse<String> r = flow.authorize(flow.request(CONFIDENTIAL, "profile notes:read", "keep-me"));
        assertEquals(303, r.statusCode());
        String location = OAuthFlow.location(r);
        assertTrue(location.startsWith(Http.base() + "/login?request="), location);
        assertFalse(location.contains("keep-me"), "state must not travel through the login URL");
        String id = Http.query(location).get("request");
        assertTrue(id.length() >= 22, id);
        assertEquals("keep-me", Db.value("select state from pending_authorization where id = ?", id));
    }

    @Test
    void postFormWorksLikeGet() {
        HttpResponse<String> r = Http.postForm("/oauth2/authorize", flow.request(CONFIDENTIAL, "profile", "p1"));
        assertEquals(303, r.statusCode());
        assertTrue(OAuthFlow.location(r).contains("/login?request="));
    }

    @Test
    void denyReturnsAccessDeniedWithStateAndIss() {
        HttpResponse<String> login = flow.follow(flow.authorize(flow.request(CONFIDENTIAL, "profile", "deny-state")));
        HttpResponse<String> consent = flow.follow(flow.signIn(login, "dave", "dave-password-1"));
        HttpResponse<String> r = flow.consent(consent, false);
        Map<String, String> q = Http.query(OAuthFlow.location(r));
        assertEquals("access_denied", q.get("error"));
        assertEquals("deny-state", q.get("state"));
        assertEquals(Http.base(), q.get("iss"));
        assertFalse(q.containsKey("code"));
    }

    @Test
    void successCarriesCodeStateAndIssAndStoresOnlyTheHash() {
        String redirect = flow.authorizeAndApprove(flow.request(CONFIDENTIAL, "profile", "st&=?"), "alice", "alice-password-1");
        Map<String, String> q = Http.query(redirect);
        assertEquals("st&=?", q.get("state"));
        assertEquals(Http.base(), q.get("iss"));
        String code = q.get("code");
        assertTrue(code.length() >= 43, "≥ 256 bits");
        assertEquals(0, Db.count("select count(*) from token_grant where code_hash = ?", code));
        assertEquals(1, Db.count("select count(*) from token_grant where code_hash = ?", OAuthFlow.s256(code)));
    }

    @Test
    void rememberedConsentSkipsThePageAndNewScopesAskAgain() {
        flow.authorizeAndApprove(flow.request(CONFIDENTIAL, "profile", "a"), "alice", "alice-password-1");
        // Same session, same scopes: straight back to the client with a code.
        HttpResponse<String> again = flow.authorize(flow.request(CONFIDENTIAL, "profile", "b"));
        assertEquals(303, again.statusCode());
        assertTrue(Http.query(OAuthFlow.location(again)).containsKey("code"), OAuthFlow.location(again));
        // A scope not yet consented: the consent page again.
        HttpResponse<String> wider = flow.follow(flow.authorize(flow.request(CONFIDENTIAL, "profile reports:read", "c")));
        assertEquals(200, wider.statusCode());
        assertTrue(wider.body().contains("id=\"consent\""));
        assertTrue(wider.body().contains("Read your reports"));
    }

    @Test
    void consentPageNamesTheClientEscapedAndDescribesScopes() {
        HttpResponse<String> login = flow.follow(flow.authorize(flow.request(PUBLIC, "profile notes:read", "e")));
        HttpResponse<String> consent = flow.follow(flow.signIn(login, "bob", "bob-password-1"));
        assertTrue(consent.body().contains("IT Public &lt;SPA&gt;"), consent.body());
        assertFalse(consent.body().contains("IT Public <SPA>"));
        assertTrue(consent.body().contains("Read your notes"));
        assertTrue(consent.body().contains("See your username and profile"));
    }

    @Test
    void wrongPasswordStaysOnTheLoginPage() {
        HttpResponse<String> login = flow.follow(flow.authorize(flow.request(CONFIDENTIAL, "profile", "w")));
        HttpResponse<String> r = flow.signIn(login, "alice", "wrong-password");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Wrong username or password."));
        assertTrue(r.body().contains("id=\"login\""));
    }

    @Test
    void sessionIdChangesAtSignIn() {
        HttpResponse<String> login = flow.follow(flow.authorize(flow.request(CONFIDENTIAL, "profile", "f")));
        String before = login.headers().allValues("Set-Cookie").toString();
        HttpResponse<String> r = flow.signIn(login, "alice", "alice-password-1");
        String after = r.headers().allValues("Set-Cookie").toString();
        assertTrue(after.contains("JSESSIONID="), "a new session cookie is issued at sign-in: " + after);
        assertNotEquals(before, after);
    }

    @Test
    void pagesForbidFramingAndReferrers() {
        for (String path : new String[] {"/login", "/oauth2/authorize?client_id=nope", "/"}) {
            HttpResponse<String> r = Http.get(path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
    }

    @Test
    void expiredOrUnknownPendingRequestShowsAReadableError() {
        HttpResponse<String> r = Http.get("/oauth2/authorize/resume?request=does-not-exist");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("expired"));
    }

    @Test
    void anAnonymousFloodOfAuthorizationRequestsParksAFixedNumberPerAddress() {
        String address = "198.51.100.61";
        String first = null;
        String last = null;
        for (int i = 0; i < 60; i++) {
            OAuthFlow flow = new OAuthFlow();
            HttpResponse<String> r = Http.get("/oauth2/authorize?" + Http.form(flow.request(PUBLIC, "profile", "s" + i)),
                    "X-Forwarded-For", address);
            assertEquals(303, r.statusCode(), r.body());
            String request = Http.query(OAuthFlow.location(r)).get("request");
            first = first == null ? request : first;
            last = request;
        }
        assertEquals(50, Db.count("select count(*) from pending_authorization where requested_from = ?", address),
                "one address keeps at most 50 parked requests");
        assertEquals(0, Db.count("select count(*) from pending_authorization where id = ?", first), "the oldest went first");
        assertEquals(1, Db.count("select count(*) from pending_authorization where id = ?", last));
        HttpResponse<String> login = Http.get("/login?request=" + Http.enc(last));
        assertTrue(login.body().contains("IT Public &lt;SPA&gt;"), "the newest request still continues: " + login.body());

        // IPv6 addresses share the quota of their /64.
        for (int i = 0; i < 55; i++) {
            OAuthFlow flow = new OAuthFlow();
            Http.get("/oauth2/authorize?" + Http.form(flow.request(PUBLIC, "profile", "v6-" + i)),
                    "X-Forwarded-For", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertEquals(50, Db.count("select count(*) from pending_authorization where requested_from = ?", "2001:db8:1:2::/64"));
    }
}
