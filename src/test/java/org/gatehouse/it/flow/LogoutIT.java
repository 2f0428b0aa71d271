package org.gatehouse.it.flow;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.json.JsonObject;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenID Connect RP-Initiated Logout 1.0 against the real server: the end-session endpoint in
 * discovery; a hint for the signed-in user ends the session and returns to the registered
 * post-logout redirect URI with {@code state}; an unregistered URI, a forged hint or a hint for
 * another client get a page and no redirect, and leave the session alone; without a hint the
 * user confirms first (or stays signed in). "Signed in" is checked the way a client sees it:
 * {@code prompt=none} answers with a code, "signed out" with {@code login_required}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutIT {

    static final String CLIENT = OpenIdConnectIT.CLIENT;
    static final String SECRET = OpenIdConnectIT.SECRET;
    static final String BACK = "http://127.0.0.1:9876/signed-out";

    /** Signs {@code user} in on a new browser and returns the browser and its ID token. */
    private static Map.Entry<OAuthFlow, String> signedIn(String user) {
        OAuthFlow flow = new OAuthFlow();
        String redirect = flow.authorizeAndApprove(flow.request(CLIENT, "openid profile", "s"), user, user + "-password-1");
        HttpResponse<String> r = flow.exchange(Http.query(redirect).get("code"), CLIENT, SECRET);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject tokens = Http.json(r);
        return Map.entry(flow, tokens.getString("id_token"));
    }

    /** Whether the browser still has a Gatehouse session, as a client finds out (OIDC Core §3.1.2.1 prompt=none). */
    private static boolean stillSignedIn(OAuthFlow flow) {
        Map<String, String> params = flow.request(CLIENT, "openid profile", "check");
        params.put("prompt", "none");
        HttpResponse<String> r = flow.authorize(params);
        assertEquals(303, r.statusCode(), r.body());
        Map<String, String> answer = Http.query(OAuthFlow.location(r));
        if (answer.containsKey("code")) {
            return true;
        }
        assertEquals("login_required", answer.get("error"), answer.toString());
        return false;
    }

    private static String logout(Map<String, String> params) {
        return "/oauth2/logout?" + Http.form(params);
    }

    @Test
    void discoveryNamesTheEndSessionEndpoint() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(Http.get("/.well-known/openid-configuration").body());
        assertEquals(Http.base() + "/oauth2/logout", metadata.getEndSessionEndpointURI().toString());
    }

    @Test
    void aHintForTheSignedInUserEndsTheSessionAndReturnsWithState() {
        var s = signedIn("heidi");
        assertTrue(stillSignedIn(s.getKey()));
        long before = Db.count("select count(*) from audit_event where event_type = 'SIGN_OUT' and actor = 'heidi'");
        HttpResponse<String> r = s.getKey().get(logout(Http.map("id_token_hint", s.getValue(),
                "post_logout_redirect_uri", BACK, "state", "bye-1")));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(BACK + "?state=bye-1", OAuthFlow.location(r));
        assertFalse(stillSignedIn(s.getKey()), "the session is over");
        assertEquals(before + 1, Db.count("select count(*) from audit_event where event_type = 'SIGN_OUT' and actor = 'heidi'"));
    }

    @Test
    void aRegisteredUriWithAQueryKeepsItAndFormPostWorksToo() {
        var s = signedIn("heidi");
        HttpResponse<String> r = s.getKey().post("/oauth2/logout", Http.map("id_token_hint", s.getValue(),
                "post_logout_redirect_uri", "https://rp.example/bye?from=gatehouse", "state", "x y"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("https://rp.example/bye?from=gatehouse&state=x+y", OAuthFlow.location(r));
        assertFalse(stillSignedIn(s.getKey()));
    }

    @Test
    void withoutAPostLogoutUriTheUserLandsOnTheSignedOutPage() {
        var s = signedIn("heidi");
        HttpResponse<String> r = s.getKey().get(logout(Http.map("id_token_hint", s.getValue())));
        assertEquals(303, r.statusCode());
        assertEquals(Http.base() + "/signed-out", OAuthFlow.location(r));
        HttpResponse<String> page = s.getKey().get(OAuthFlow.location(r));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("You are signed out"), page.body());
        assertFalse(stillSignedIn(s.getKey()));
    }

    @Test
    void anUnregisteredPostLogoutUriGetsAPageNeverARedirect() {
        var s = signedIn("heidi");
        for (String uri : new String[]{"https://evil.example/", BACK + "/more", BACK + "?x=1", "http://127.0.0.1:9876/callback"}) {
            HttpResponse<String> r = s.getKey().get(logout(Http.map("id_token_hint", s.getValue(),
                    "post_logout_redirect_uri", uri, "state", "s")));
            assertEquals(400, r.statusCode(), uri);
            assertTrue(r.headers().firstValue("Location").isEmpty(), uri);
            assertTrue(r.body().contains("not registered"), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
        assertTrue(stillSignedIn(s.getKey()), "a refused request signs no one out");
    }

    @Test
    void aForgedHintOrAHintForAnotherClientIsRefused() {
        var s = signedIn("heidi");
        String[] parts = s.getValue().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        HttpResponse<String> r = s.getKey().get(logout(Http.map("id_token_hint", forged, "post_logout_redirect_uri", BACK)));
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Location").isEmpty());
        r = s.getKey().get(logout(Http.map("id_token_hint", s.getValue(), "client_id", OAuthFlow.CONFIDENTIAL)));
        assertEquals(400, r.statusCode());
        r = s.getKey().get(logout(Http.map("id_token_hint", "not-a-jwt")));
        assertEquals(400, r.statusCode());
        r = s.getKey().get("/oauth2/logout?state=a&state=b");
        assertEquals(400, r.statusCode());
        r = s.getKey().get(logout(Http.map("post_logout_redirect_uri", BACK)));
        assertEquals(400, r.statusCode(), "a return address without saying which client asked");
        assertTrue(stillSignedIn(s.getKey()));
    }

    @Test
    void withoutAHintTheUserConfirmsFirst() {
        var s = signedIn("ivan");
        HttpResponse<String> r = s.getKey().get(logout(Http.map("client_id", CLIENT, "post_logout_redirect_uri", BACK, "state", "c1")));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(OAuthFlow.location(r).startsWith(Http.base() + "/signout?request="), OAuthFlow.location(r));
        assertTrue(stillSignedIn(s.getKey()), "nothing happens before the user answers");
        HttpResponse<String> page = s.getKey().follow(r);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Sign out of Gatehouse?"), page.body());
        assertTrue(page.body().contains("IT OpenID Connect Client"), page.body());
        HttpResponse<String> done = s.getKey().press(page, "end-session", "confirm", "Sign out");
        assertEquals(BACK + "?state=c1", OAuthFlow.location(done));
        assertFalse(stillSignedIn(s.getKey()));
    }

    @Test
    void aHintForSomeoneElseAsksFirstAndStayingSignedInChangesNothing() {
        var ivan = signedIn("ivan");
        var heidi = signedIn("heidi");
        HttpResponse<String> r = ivan.getKey().get(logout(Http.map("id_token_hint", heidi.getValue(),
                "post_logout_redirect_uri", BACK, "state", "c2")));
        HttpResponse<String> page = ivan.getKey().follow(r);
        assertTrue(page.body().contains("Sign out of Gatehouse?"), page.body());
        HttpResponse<String> stayed = ivan.getKey().press(page, "end-session", "stay", "Stay signed in");
        assertEquals(200, stayed.statusCode());
        assertTrue(stayed.body().contains("You are still signed in"), stayed.body());
        assertTrue(stillSignedIn(ivan.getKey()));
        assertTrue(stillSignedIn(heidi.getKey()), "another user's token signs out no one else");
        // the answered request cannot be replayed
        HttpResponse<String> again = ivan.getKey().get(OAuthFlow.location(r));
        assertTrue(again.body().contains("Nothing to confirm"), again.body());
    }

    @Test
    void withNobodySignedInTheBrowserGoesStraightBack() {
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> r = flow.get(logout(Http.map("client_id", CLIENT, "post_logout_redirect_uri", BACK, "state", "n")));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(BACK + "?state=n", OAuthFlow.location(r));
        assertNotNull(r.headers().firstValue("Cache-Control").filter(v -> v.contains("no-store")).orElse(null));
    }
}
