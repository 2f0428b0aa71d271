package org.gatehouse.it.playground;

import org.gatehouse.it.Browser;
import org.gatehouse.it.Http;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Flow Playground in a real Chromium: every arrow from (A) to (F) with sign-in and consent on
 * the real pages, then the "what goes wrong" buttons and their real errors, then Deny.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlaygroundIT {

    private static final String PLAYGROUND = "/playground/";

    @Test
    void walksFromAToFThenShowsWhatGoesWrong() {
        try (Browser b = new Browser()) {
            b.open(PLAYGROUND);
            ready(b);
            for (String role : new String[] {"client", "browser", "as", "rs"}) {
                assertEquals("Idle", text(b, "status-" + role), role);
            }
            assertEquals("none", text(b, "var-code"));
            assertEquals("none", text(b, "var-access-token"));
            assertEquals("profile notes:read notes:write", b.byId("scopes").getAttribute("value"), "scopes pre-filled");

            // (A) build the request, each parameter explained, then send the browser
            b.type("scopes", "profile notes:read");
            press(b, "btn-build");
            assertTrue(text(b, "auth-url").contains("code_challenge_method=S256"), text(b, "auth-url"));
            assertTrue(text(b, "auth-params").contains("Random, remembered in this session"));
            assertTrue(text(b, "status-client").startsWith("Built an authorization request"));
            assertCurrent(b, "A");
            String state = text(b, "var-state");
            assertEquals(22, state.length(), state);
            assertEquals(43, text(b, "var-verifier").length());
            assertEquals(43, text(b, "var-challenge").length());
            b.click("btn-go");
            b.waitForUrl(Http.base() + "/login");
            assertTrue(b.text().contains("Gatehouse Flow Playground"), "login names the playground client");
            b.signIn("alice", "alice-password-1");
            b.waitForUrl(Http.base() + "/consent");
            assertTrue(b.text().contains("Gatehouse Flow Playground wants to access your account"), b.text());
            assertTrue(b.text().contains("Read your notes"));
            b.click("allow");

            // (B) back with the code; the state is checked
            b.waitForUrl(Http.base() + PLAYGROUND);
            ready(b);
            assertCurrent(b, "B");
            assertTrue(text(b, "status-client").contains("state matches ✓"), text(b, "status-client"));
            assertTrue(text(b, "status-as").contains("issued a one-time code"));
            assertTrue(text(b, "status-browser").contains("Redirected back"));
            assertTrue(text(b, "callback-state").startsWith("✓"));
            String code = text(b, "var-code");
            assertFalse(code.equals("none") || code.startsWith("consumed"), code);
            assertTrue(text(b, "var-state").endsWith("(checked ✓)"));

            // (C) exchange on the back channel, (D) the tokens
            press(b, "btn-exchange");
            assertCurrent(b, "D");
            assertTrue(text(b, "var-code").startsWith("consumed"), text(b, "var-code"));
            assertFalse(text(b, "var-access-token").equals("none"));
            waitFor(b, "var-access-expiry", t -> t.startsWith("expires in "));
            String refresh = text(b, "var-refresh-token");
            assertFalse(refresh.equals("none"));
            assertEquals("profile notes:read", text(b, "var-scope"));
            assertTrue(text(b, "token-response").contains("\"token_type\": \"Bearer\""), text(b, "token-response"));
            assertTrue(text(b, "status-as").contains("consumed the code, issued tokens"));
            press(b, "btn-inspect");
            assertTrue(text(b, "jwt-header").contains("at+jwt"), text(b, "jwt-header"));
            assertTrue(text(b, "jwt-claims").contains("\"client_id\": \"gatehouse-playground\""), text(b, "jwt-claims"));
            assertTrue(text(b, "checks").contains("Signature: verifies with " + Http.signingAlgorithm()), text(b, "checks"));
            assertFalse(text(b, "checks").contains("✗"), text(b, "checks"));

            // (E) call the API, (F) the resource
            callApi(b, "ME");
            assertCurrent(b, "F");
            assertEquals("HTTP 200", text(b, "resource-status"));
            assertTrue(text(b, "resource-body").contains("\"username\": \"alice\""), text(b, "resource-body"));
            assertTrue(text(b, "status-rs").startsWith("Verified the token"), text(b, "status-rs"));
            callApi(b, "NOTES_LIST");
            assertEquals("HTTP 200", text(b, "resource-status"));
            assertTrue(text(b, "resource-body").contains("notes"));

            // the log: every exchange, the secret masked, curl reads it from a variable
            String log = expandLog(b);
            assertTrue(log.contains("POST http://localhost:" + port() + "/oauth2/token"), log);
            assertTrue(log.contains("Authorization: Basic ••••••••"), log);
            assertTrue(log.contains("-u 'gatehouse-playground:'\"$CLIENT_SECRET\""), log);
            assertTrue(log.contains("GET http://localhost:" + port() + "/oauth2/jwks"), log);
            screenshot(b);

            // what goes wrong: a scope not granted, a tampered token, refresh rotation, a replayed code
            press(b, "btn-wrong-scope");
            assertOutcome(b, "HTTP 403", "error=insufficient_scope");
            press(b, "btn-tamper");
            assertOutcome(b, "HTTP 401", "error=invalid_token");
            assertTrue(text(b, "outcome-explanation").contains("signature"));
            press(b, "btn-refresh");
            assertOutcome(b, "HTTP 200", "");
            assertTrue(text(b, "var-rotated").contains("(rotated out)"));
            assertFalse(text(b, "var-refresh-token").equals(refresh), "the refresh token rotated");
            press(b, "btn-replay");
            assertOutcome(b, "HTTP 400", "error=invalid_grant");
            assertTrue(text(b, "var-access-token").endsWith("(revoked)"));
            callApi(b, "ME");
            assertEquals("HTTP 401", text(b, "resource-status"), "a replayed code revokes the tokens issued from it");

            // deny consent: the remembered consent is forgotten so the consent page shows again
            b.click("btn-deny");
            b.waitForUrl(Http.base() + "/consent");
            b.click("deny");
            b.waitForUrl(Http.base() + PLAYGROUND);
            ready(b);
            assertOutcome(b, "", "error=access_denied");
            assertTrue(text(b, "status-client").contains("error=access_denied"), text(b, "status-client"));
            assertEquals("none", text(b, "var-code"));
        }
    }

    @Test
    void openIdConnectSignsInWithAValidatedIdTokenAndCallsUserInfo() {
        try (Browser b = new Browser()) {
            b.open(PLAYGROUND);
            ready(b);
            assertFalse(b.byId("oidc").isSelected(), "the switch starts off");
            assertTrue(text(b, "id-empty").startsWith("No ID token yet"));

            // (A) with the switch on: openid in the scope, a fresh nonce in the request
            b.click("oidc");
            b.type("scopes", "profile email");
            press(b, "btn-build");
            String url = text(b, "auth-url");
            assertTrue(url.contains("scope=openid+profile+email"), url);
            String nonce = text(b, "var-nonce");
            assertEquals(22, nonce.length(), nonce);
            assertTrue(url.contains("&nonce=" + nonce + "&"), url);
            assertTrue(text(b, "auth-params").contains("must come back inside the ID token"), text(b, "auth-params"));
            assertTrue(text(b, "status-client").contains("nonce"), text(b, "status-client"));
            b.click("btn-go");
            b.waitForUrl(Http.base() + "/login");
            b.signIn("grace", "grace-password-1");
            b.waitForUrl(Http.base() + "/consent");
            assertTrue(b.text().contains("Sign you in to the application with your account"), b.text());
            b.click("allow");
            b.waitForUrl(Http.base() + PLAYGROUND);
            ready(b);
            assertTrue(b.byId("oidc").isSelected(), "the switch is remembered across the round trip");
            assertTrue(text(b, "callback-state").startsWith("✓"));

            // (C), (D): the token response carries an ID token, validated on receipt
            press(b, "btn-exchange");
            assertEquals("openid profile email", text(b, "var-scope"));
            assertTrue(text(b, "token-response").contains("\"id_token\""), text(b, "token-response"));
            assertFalse(text(b, "var-id-token").equals("none"));
            assertEquals("✓ ID token accepted: every check passed", text(b, "id-verdict"));
            assertTrue(text(b, "id-header").contains("\"typ\": \"JWT\""), text(b, "id-header"));
            String claims = text(b, "id-claims");
            for (String claim : new String[] {"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "amr"}) {
                assertTrue(claims.contains(claim + " "), claim + " in " + claims);
            }
            assertTrue(claims.contains("Subject: the user's stable"), claims);
            var checks = b.driver().findElements(By.cssSelector("#id-checks li"));
            assertEquals(7, checks.size(), text(b, "id-checks"));
            checks.forEach(c -> assertEquals("ok", c.getAttribute("class"), c.getText()));
            String shown = text(b, "id-checks");
            assertTrue(shown.contains("Signature: verifies with " + Http.signingAlgorithm()), shown);
            assertTrue(shown.contains("iss equals the issuer: iss is " + Http.base() + ", the issuer this client trusts"), shown);
            assertTrue(shown.contains("aud contains the client id: aud [gatehouse-playground] contains gatehouse-playground"), shown);
            assertTrue(shown.contains("nonce equals the one sent: nonce " + nonce + " equals the one this session sent"), shown);
            assertTrue(shown.contains("at_hash matches the access token: at_hash "), shown);
            assertTrue(shown.contains("Why: The nonce was made fresh"), shown);
            assertTrue(shown.contains("Why: A token the server issued to another client"), shown);
            assertTrue(shown.contains("Why: The client must only believe the provider"), shown);
            assertTrue(text(b, "status-client").startsWith("Validated the ID token"), text(b, "status-client"));
            String log = expandLog(b);
            assertTrue(log.contains("Fetch the server's public keys (JWKS) to validate the ID token"), log);

            // (E) UserInfo through the back channel, its claims shown, its sub the ID token's
            press(b, "btn-userinfo");
            assertEquals("HTTP 200", text(b, "userinfo-status"));
            String info = text(b, "userinfo-claims");
            assertTrue(info.contains("preferred_username grace"), info);
            assertTrue(info.contains("name Grace Example"), info);
            assertTrue(info.contains("email grace@example.org"), info);
            assertTrue(info.contains("email_verified false"), info);
            assertEquals("ok", b.driver().findElement(By.cssSelector("#userinfo-checks li")).getAttribute("class"),
                    text(b, "userinfo-checks"));
            assertEquals("GET /api/userinfo", text(b, "resource-endpoint"));
            assertCurrent(b, "F");
            log = expandLog(b);
            assertTrue(log.contains("GET http://localhost:" + port() + "/api/userinfo"), log);
            assertTrue(log.contains("Authorization: Bearer ey"), log);
        }
    }

    @Test
    void publicClientExchangesWithPkceOnlyAndRevokes() {
        try (Browser b = new Browser()) {
            b.open(PLAYGROUND);
            ready(b);
            b.click("ct-public");
            press(b, "btn-build");
            assertTrue(text(b, "auth-url").contains("client_id=gatehouse-playground-spa"));
            b.click("btn-go");
            b.waitForUrl(Http.base() + "/login");
            b.signIn("bob", "bob-password-1");
            b.waitForUrl(Http.base() + "/consent");
            assertTrue(b.text().contains("Gatehouse Flow Playground (public, PKCE)"));
            b.click("allow");
            b.waitForUrl(Http.base() + PLAYGROUND);
            ready(b);
            press(b, "btn-exchange");
            assertTrue(text(b, "var-code").startsWith("consumed"));
            String log = expandLog(b);
            assertTrue(log.contains("client_id=gatehouse-playground-spa"), log);
            assertFalse(log.contains("Authorization: Basic"), "a public client sends no secret");
            callApi(b, "ME");
            assertTrue(text(b, "resource-body").contains("\"username\": \"bob\""));
            press(b, "btn-revoke");
            assertOutcome(b, "HTTP 200", "");
            callApi(b, "ME");
            assertEquals("HTTP 401", text(b, "resource-status"), "revocation kills the access token too");
        }
    }

    @Test
    void signsOutThroughTheEndSessionEndpointWithTheIdTokenAsHint() {
        try (Browser b = new Browser()) {
            b.open(PLAYGROUND);
            ready(b);
            assertTrue(b.byId("btn-sign-out").getAttribute("disabled") != null, "nothing to sign out of before a flow");
            b.click("oidc");
            b.type("scopes", "profile");
            runToTokens(b, "heidi", "heidi-password-1");
            assertEquals("✓ ID token accepted: every check passed", text(b, "id-verdict"));

            // the hint names the signed-in user: no confirmation, straight back with the state
            b.click("btn-sign-out");
            b.waitForUrl(Http.base() + PLAYGROUND + "#sign-out");
            ready(b);
            String sent = text(b, "signout-sent");
            assertFalse(sent.equals("–"), sent);
            assertTrue(text(b, "signout-result").startsWith("✓ back at the post-logout redirect URI with the same state"),
                    text(b, "signout-result"));
            assertEquals("Signed out", text(b, "outcome-title"));
            assertEquals("none", text(b, "var-access-token"), "the client forgot its tokens");
            assertEquals("none", text(b, "var-refresh-token"));
            assertEquals("none", text(b, "var-id-token"));
            assertTrue(text(b, "status-client").startsWith("state matches ✓"), text(b, "status-client"));
            assertTrue(b.byId("btn-sign-out").getAttribute("disabled") != null, "nothing left to sign out of");
            String log = expandLog(b);
            assertTrue(log.contains("Revoke the refresh token before signing out"), log);
            assertTrue(log.contains("POST http://localhost:" + port() + "/oauth2/revoke"), log);
            assertTrue(log.contains("GET http://localhost:" + port() + "/oauth2/logout?id_token_hint=ey"), log);
            assertTrue(log.contains("post_logout_redirect_uri=" + Http.enc(Http.base() + "/playground/signed-out")), log);
            assertTrue(log.contains("End-session endpoint → browser → playground (post-logout redirect)"), log);
            assertTrue(log.contains("Exchange the code at the token endpoint"), "the run before the sign-out is still shown");

            // the Gatehouse session really ended: the next request asks for a sign-in again
            press(b, "btn-build");
            b.click("btn-go");
            b.waitForUrl(Http.base() + "/login");
        }
    }

    @Test
    void withoutAnIdTokenTheSignOutIsConfirmedFirst() {
        try (Browser b = new Browser()) {
            b.open(PLAYGROUND);
            ready(b);
            runToTokens(b, "ivan", "ivan-password-1");
            b.click("btn-sign-out");
            b.waitForUrl(Http.base() + "/signout");
            assertTrue(b.textOf("client-name").contains("Gatehouse Flow Playground"), b.text());
            b.click("confirm");
            b.waitForUrl(Http.base() + PLAYGROUND + "#sign-out");
            ready(b);
            assertEquals("Signed out", text(b, "outcome-title"));
            assertTrue(text(b, "signout-result").startsWith("✓"), text(b, "signout-result"));
            String log = expandLog(b);
            assertTrue(log.contains("/oauth2/logout?client_id=gatehouse-playground&"), log);
            assertFalse(log.contains("id_token_hint"), log);
        }
    }

    @Test
    void aSignOutReturnThatThisBrowserDidNotStartIsIgnored() {
        try (Browser b = new Browser()) {
            b.open("/playground/signed-out?state=made-up");
            b.waitForUrl(Http.base() + PLAYGROUND);
            ready(b);
            assertEquals("Unexpected sign-out return", text(b, "outcome-title"));
            assertEquals("–", text(b, "signout-result"));
            assertTrue(text(b, "status-client").startsWith("Ignored a post-logout redirect"), text(b, "status-client"));
        }
    }

    @Test
    void stateChangingCallsNeedTheSessionsCsrfToken() {
        HttpResponse<String> response = Http.postForm("/playground/api/build", Http.map("scopes", "profile"));
        assertEquals(403, response.statusCode());
        HttpResponse<String> wrong = Http.postForm("/playground/api/build", Http.map("scopes", "profile"),
                "X-Playground-Csrf", "guess");
        assertEquals(403, wrong.statusCode());
    }

    @Test
    void aCallbackWithoutARequestOfThisSessionIsRejected() {
        try (Browser b = new Browser()) {
            b.open("/playground/callback?code=stolen&state=whatever&iss=" + Http.enc(Http.base()));
            b.waitForUrl(Http.base() + PLAYGROUND);
            ready(b);
            assertEquals("none", text(b, "var-code"));
            assertTrue(text(b, "status-client").startsWith("Rejected a callback"), text(b, "status-client"));
        }
    }

    private static String port() {
        return System.getProperty("it.http.port", "18080");
    }

    @Test
    void aRefusalShowsWhereItHappenedTimeIsVisibleFocusFollowsTheResultAndSmallScreensFit() {
        try (Browser b = new Browser()) {
            b.open(PLAYGROUND);
            ready(b);
            press(b, "btn-build");
            assertEquals("step-a", focused(b), "focus moves to the request that was built");
            b.click("btn-go");
            b.waitForUrl(Http.base() + "/login");
            b.signIn("kim", "kim-password-1");
            b.waitForUrl(Http.base() + "/consent");
            b.click("allow");
            b.waitForUrl(Http.base() + PLAYGROUND);
            ready(b);

            // the code's lifetime counts down while it waits to be exchanged
            waitFor(b, "var-code-expiry", t -> t.matches("expires in (0:[0-5]\\d|1:00)"));
            press(b, "btn-exchange");
            assertEquals("step-d", focused(b));
            waitFor(b, "var-code-expiry", String::isEmpty);
            assertFalse(b.byId("failure").isDisplayed(), "nothing refused yet");

            // a replayed code: (D) and the authorization server turn into the error state, the answer in (D)'s card
            press(b, "btn-replay");
            assertEquals("failure", focused(b), "focus on the refusal");
            String arrow = b.byId("arrow-D").getAttribute("class");
            assertTrue(arrow.contains("failed") && !arrow.contains("current"), arrow);
            assertTrue(b.byId("role-as").getAttribute("class").contains("refused"));
            assertFalse(b.byId("role-rs").getAttribute("class").contains("refused"));
            assertEquals("step-d", parentCard(b));
            String failure = text(b, "failure");
            assertTrue(failure.contains("(D) refused by the authorization server") && failure.contains("HTTP 400")
                    && failure.contains("error=invalid_grant") && failure.contains("exchanged already"), failure);
            assertTrue(failure.contains("error_description: "), "the server's own description: " + failure);
            // what can only fail the same way again is off, and says why
            assertFalse(b.byId("btn-replay").isEnabled());
            assertTrue(b.byId("btn-replay").getAttribute("title").startsWith("Already replayed"), b.byId("btn-replay").getAttribute("title"));
            assertFalse(b.byId("btn-refresh").isEnabled(), "the grant is revoked");
            String why = text(b, "pg-why");
            assertTrue(why.contains("Replay the code: Already replayed") && why.contains("Refresh the token: The grant is revoked"), why);

            // the API refuses the revoked grant's token: (F) and the resource server, with its own reason
            callApi(b, "ME");
            assertEquals("step-f", parentCard(b));
            assertTrue(b.byId("arrow-F").getAttribute("class").contains("failed"));
            assertFalse(b.byId("arrow-D").getAttribute("class").contains("failed"), "the earlier refusal is over");
            assertTrue(b.byId("role-rs").getAttribute("class").contains("refused"));
            assertTrue(text(b, "failure").contains("HTTP 401") && text(b, "failure").contains("error=invalid_token")
                    && text(b, "failure").contains("grant was revoked"), text(b, "failure"));

            // scrolled down to the log, the compact diagram is in view with the failed step marked
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('log-title').scrollIntoView()");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("pg-mini")).isDisplayed());
            assertTrue(b.byId("mini-F").getAttribute("class").contains("failed"));
            ((JavascriptExecutor) b.driver()).executeScript("window.scrollTo(0, 0)");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("pg-mini")).isDisplayed());

            // a phone's width: nothing wider than the screen, the arrows one below the other
            b.driver().manage().window().setSize(new Dimension(390, 844));
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return window.innerWidth")).intValue() <= 400);
            Number overflow = (Number) ((JavascriptExecutor) b.driver()).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "horizontal overflow at 390 px: " + overflow + " px");
            var a = b.byId("arrow-A").getRect();
            var c = b.byId("arrow-C").getRect();
            assertEquals(a.getX(), c.getX(), "one column");
            assertTrue(c.getY() > a.getY() + a.getHeight() - 1, "below each other");
            b.driver().manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    @Test
    void theScopesAreCheckedAsTypedARememberedConsentCanBeForgottenAndACopiedCurlCommandRuns() throws Exception {
        try (Browser b = new Browser()) {
            b.open(PLAYGROUND);
            ready(b);
            b.type("scopes", "profile,notes:read");
            waitFor(b, "scopes-problem", t -> t.contains("Separate scopes with spaces, not commas"));
            assertEquals("true", b.byId("scopes").getAttribute("aria-invalid"));
            assertFalse(b.byId("btn-build").isEnabled(), "nothing to build from a malformed scope list");
            b.type("scopes", "profile admin");
            waitFor(b, "scopes-problem", t -> t.contains("Not allowed for this client: admin"));
            b.type("scopes", "profile");
            waitFor(b, "scopes-problem", String::isEmpty);
            assertTrue(b.byId("btn-build").isEnabled());
            assertFalse(b.byId("consent-note").isDisplayed(), "not signed in: nothing remembered to say");

            runToTokens(b, "lee", "lee-password-1");

            // the secret, masked until asked for; then the log's commands set it and run as pasted
            assertEquals("••••••••", text(b, "secret-value"));
            String masked = exchangeCurl(b);
            assertFalse(masked.contains("CLIENT_SECRET='"), masked);
            b.click("btn-secret");
            waitFor(b, "secret-value", t -> !t.startsWith("•"));
            String command = exchangeCurl(b);
            assertTrue(command.startsWith("CLIENT_SECRET='" + text(b, "secret-value") + "'\n"), command);
            String ran = bash(command);
            assertTrue(ran.contains(" 400") && ran.contains("invalid_grant"), "the client authenticates, the used code is refused: " + ran);
            String without = bash(masked);
            assertTrue(without.contains(" 401") && without.contains("invalid_client"), "without the secret: " + without);
            b.click("btn-secret");
            waitFor(b, "secret-value", t -> t.startsWith("•"));
            assertEquals(masked, exchangeCurl(b), "hidden again: the commands read the variable again");

            // back on the page: the consent is remembered, and can be forgotten
            b.open(PLAYGROUND);
            ready(b);
            waitFor(b, "consent-text", t -> t.contains("You consented to this playground client before (profile)"));
            press(b, "btn-forget-consent");
            waitFor(b, "announce", t -> t.contains("Consent forgotten"));
            assertFalse(b.byId("consent-note").isDisplayed());
            assertEquals(0, org.gatehouse.it.Db.count("select count(*) from consent c join account a on a.id = c.account_id"
                    + " where a.username = 'lee' and c.client_id = 'gatehouse-playground'"));
        }
    }

    /** The curl command of the log's code exchange, as the page shows it (and copies it). */
    private static String exchangeCurl(Browser b) {
        expandLog(b);
        return (String) ((JavascriptExecutor) b.driver()).executeScript(
                "return [...document.querySelectorAll('#log .pg-entry')].find(e => e.querySelector('summary').textContent"
                        + ".includes('Exchange the code')).querySelector('.pg-curl').textContent");
    }

    private static String bash(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "curl finished");
        return out;
    }

    private static String focused(Browser b) {
        return (String) ((JavascriptExecutor) b.driver()).executeScript("return document.activeElement.id");
    }

    /** The step card the refusal box is in. */
    private static String parentCard(Browser b) {
        return (String) ((JavascriptExecutor) b.driver()).executeScript(
                "return document.getElementById('failure').closest('.pg-step').id");
    }

    /** Waits until the page's script has rendered and no call is in flight. */
    private static void ready(Browser b) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(30))
                .until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-playground")));
    }

    /** (A) to (D) as set up on the page: build, send, sign in, allow, back, exchange the code. */
    private static void runToTokens(Browser b, String username, String password) {
        press(b, "btn-build");
        b.click("btn-go");
        b.waitForUrl(Http.base() + "/login");
        b.signIn(username, password);
        b.waitForUrl(Http.base() + "/consent");
        b.click("allow");
        b.waitForUrl(Http.base() + PLAYGROUND);
        ready(b);
        press(b, "btn-exchange");
    }

    private static void press(Browser b, String id) {
        b.click(id);
        ready(b);
    }

    private static void callApi(Browser b, String endpoint) {
        new Select(b.byId("api-endpoint")).selectByValue(endpoint);
        press(b, "btn-call");
    }

    private static String text(Browser b, String id) {
        return b.textOf(id).trim();
    }

    private static void waitFor(Browser b, String id, Predicate<String> condition) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> condition.test(text(b, id)));
    }

    private static void assertCurrent(Browser b, String step) {
        assertTrue(b.byId("arrow-" + step).getAttribute("class").contains("current"), "arrow " + step + " is current");
        assertTrue(b.byId("step-" + step.toLowerCase()).getAttribute("class").contains("current"));
    }

    private static void assertOutcome(Browser b, String status, String error) {
        assertEquals(status, text(b, "outcome-status"), text(b, "outcome"));
        assertEquals(error, text(b, "outcome-error"), text(b, "outcome"));
        assertFalse(text(b, "outcome-explanation").isEmpty());
    }

    /** Opens every log entry and returns the log's text. */
    private static String expandLog(Browser b) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "document.querySelectorAll('#log details').forEach(d => { d.open = true; })");
        return b.textOf("log");
    }

    private static void screenshot(Browser b) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "document.querySelectorAll('#log details').forEach((d, i) => { d.open = i === 1; })");
        Object height = ((JavascriptExecutor) b.driver()).executeScript("return document.documentElement.scrollHeight");
        b.driver().manage().window().setSize(new Dimension(1400, Math.min(3400, ((Number) height).intValue() + 40)));
        ((JavascriptExecutor) b.driver()).executeScript("window.scrollTo(0, 0)");
        Path file = b.screenshot("playground");
        b.driver().manage().window().setSize(new Dimension(1400, 1000));
        assertTrue(file.toFile().length() > 10_000, "screenshot written");
    }
}
