package org.gatehouse.it.flow;

import jakarta.json.JsonObject;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL;
import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL_SECRET;
import static org.gatehouse.it.OAuthFlow.REDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole flow in a real Chromium: authorize → sign in → consent → code → token → API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlowBrowserIT {

    @Test
    void signInAllowExchangeAndCallTheApi() {
        OAuthFlow pkce = new OAuthFlow();
        try (Browser browser = new Browser()) {
            browser.open("/oauth2/authorize?" + Http.form(pkce.request(CONFIDENTIAL, "profile notes:read", "browser-state")));
            browser.waitForUrl(Http.base() + "/login");
            browser.waitForPageText("IT Confidential Client");
            browser.signIn("bob", "bob-password-1");
            browser.waitForUrl(Http.base() + "/consent");
            assertTrue(browser.text().contains("IT Confidential Client wants to access your account"), browser.text());
            assertTrue(browser.text().contains("Read your notes"));
            browser.click("allow");
            browser.waitForUrl(REDIRECT);
            Map<String, String> q = Http.query(browser.url());
            assertEquals("browser-state", q.get("state"));
            assertEquals(Http.base(), q.get("iss"));

            HttpResponse<String> token = pkce.exchange(q.get("code"), CONFIDENTIAL, CONFIDENTIAL_SECRET);
            assertEquals(200, token.statusCode(), token.body());
            JsonObject tokens = Http.json(token);
            HttpResponse<String> me = Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("access_token"));
            assertEquals(200, me.statusCode());
            assertEquals("bob", Http.json(me).getString("username"));
        }
    }

    @Test
    void denyReturnsAccessDeniedToTheClient() {
        OAuthFlow pkce = new OAuthFlow();
        try (Browser browser = new Browser()) {
            browser.open("/oauth2/authorize?" + Http.form(pkce.request(CONFIDENTIAL, "profile", "deny-me")));
            browser.waitForUrl(Http.base() + "/login");
            browser.signIn("carol", "carol-password-1");
            browser.waitForUrl(Http.base() + "/consent");
            browser.click("deny");
            browser.waitForUrl(REDIRECT);
            Map<String, String> q = Http.query(browser.url());
            assertEquals("access_denied", q.get("error"));
            assertEquals("deny-me", q.get("state"));
        }
    }

    @Test
    void theConsentPageNamesTheDestinationAndLetsAnotherAccountAnswer() {
        OAuthFlow pkce = new OAuthFlow();
        Map<String, String> params = pkce.request(OpenIdConnectIT.CLIENT, "openid profile", "switch");
        params.put("prompt", "consent"); // always asked, whatever was remembered before
        try (Browser browser = new Browser()) {
            browser.open("/oauth2/authorize?" + Http.form(params));
            browser.waitForUrl(Http.base() + "/login");
            browser.signIn("dave", "dave-password-1");
            browser.waitForUrl(Http.base() + "/consent");
            assertEquals("127.0.0.1:9876", browser.textOf("destination"));
            assertTrue(browser.text().contains("Not dave?"), browser.text());
            browser.click("switch-account");
            browser.waitForUrl(Http.base() + "/login");
            browser.waitForPageText("IT OpenID Connect Client"); // the same request, now for whoever signs in
            browser.signIn("judy", "judy-password-1");
            browser.waitForUrl(Http.base() + "/consent");
            assertTrue(browser.text().contains("Signed in as judy"), browser.text());
            browser.click("allow");
            browser.waitForUrl(REDIRECT);
            Map<String, String> q = Http.query(browser.url());
            assertEquals("switch", q.get("state"));
            HttpResponse<String> token = pkce.exchange(q.get("code"), OpenIdConnectIT.CLIENT, OpenIdConnectIT.SECRET);
            assertEquals(200, token.statusCode(), token.body());
            HttpResponse<String> me = Http.get("/api/userinfo", "Authorization", "Bearer " + Http.json(token).getString("access_token"));
            assertEquals("judy", Http.json(me).getString("preferred_username"), "the token is the second account's");
        }
    }

    @Test
    void wrongPasswordShowsAnErrorAndGoesNoFurther() {
        try (Browser browser = new Browser()) {
            browser.open("/oauth2/authorize?" + Http.form(new OAuthFlow().request(CONFIDENTIAL, "profile", "w")));
            browser.waitForUrl(Http.base() + "/login");
            browser.signIn("bob", "not-his-password");
            browser.waitForText("messages", "Wrong username or password.");
            assertTrue(browser.url().startsWith(Http.base() + "/login"), browser.url());
        }
    }
}
