package org.gatehouse.it.flow;

import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in page keeps no state for anonymous visitors (no HTTP session until someone signs in)
 * and still refuses forged sign-in posts (login CSRF, login/LoginCsrf.java).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInPageIT {

    @Test
    void anonymousPageViewsCreateNoSession() {
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> authorize = Http.get("/oauth2/authorize?" + Http.form(flow.request(OAuthFlow.PUBLIC, "profile", "x")));
        String login = OAuthFlow.location(authorize);
        for (String path : List.of("/login", "/login?next=/admin/", login, "/", "/oauth2/authorize?client_id=nope")) {
            HttpResponse<String> r = Http.get(path);
            assertTrue(r.statusCode() < 500, path + " " + r.statusCode());
            List<String> sessions = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).toList();
            assertEquals(List.of(), sessions, path + " must not create a session");
        }
        assertTrue(authorize.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")));
    }

    @Test
    void theSignInFormCarriesAStrictCookieTokenAndStillSignsIn() {
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> page = flow.get("/login");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_login=")).findFirst()
                .orElseThrow(() -> new AssertionError("no login token cookie: " + page.headers()));
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> signedIn = flow.signIn(page, "alice", "alice-password-1");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
                "the session starts at sign-in");
    }

    @Test
    void aForgedSignInPostIsRefusedUncheckedAndUncounted() {
        long failures = Db.count("select count(*) from audit_event where event_type in ('SIGN_IN', 'SIGN_IN_FAILED') and subject = 'bob'");
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> page = flow.get("/login");
        for (String forged : new String[] {"x".repeat(43), null}) {
            HttpResponse<String> r = flow.signInTampered(page, "bob", "bob-password-1", "csrf", forged);
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("This sign-in form could not be verified"), r.body());
            assertFalse(r.headers().firstValue("Location").isPresent());
        }
        // An attacker's page posting without the browser's cookie: a fresh client with the token copied.
        OAuthFlow attacker = new OAuthFlow();
        HttpResponse<String> r = attacker.signInTampered(attacker.get("/login"), "bob", "bob-password-1", "csrf",
                OAuthFlow.formField(page.body(), "login", "csrf"));
        assertEquals(403, r.statusCode());
        assertEquals(failures, Db.count("select count(*) from audit_event where event_type in ('SIGN_IN', 'SIGN_IN_FAILED') and subject = 'bob'"),
                "a forged post is neither checked nor counted");
    }

    @Test
    void theFormIsAccessibleAndKeepsTheApplicationAfterAValidationError() {
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> login = flow.follow(flow.authorize(flow.request(OAuthFlow.PUBLIC, "profile", "a11y")));
        assertTrue(login.body().contains("to continue to <strong>IT Public &lt;SPA&gt;</strong>"), login.body());
        assertTrue(login.body().matches("(?s).*<input id=\"username\"[^>]*autofocus=\"autofocus\".*"), "username autofocused");
        assertTrue(login.body().matches("(?s).*<input id=\"username\"[^>]*aria-invalid=\"false\".*"));

        HttpResponse<String> empty = flow.signIn(login, "", "");
        assertEquals(200, empty.statusCode());
        String body = empty.body();
        assertTrue(body.contains("Enter your username") && body.contains("Enter your password"), body);
        assertTrue(body.matches("(?s).*<input id=\"username\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"username-error\".*")
                || body.matches("(?s).*<input id=\"username\"[^>]*aria-describedby=\"username-error\"[^>]*aria-invalid=\"true\".*"), body);
        assertTrue(body.contains("id=\"username-error\""), "the message the field points to exists");
        assertTrue(body.contains("role=\"alert\""), "the error summary is announced");
        assertTrue(body.contains("to continue to <strong>IT Public &lt;SPA&gt;</strong>"), "the application stays named: " + body);
    }

    /** WCAG 1.4.11: field borders and the keyboard focus ring at 3:1 or more against the card, as Chromium renders them. */
    @Test
    void fieldBordersAndTheFocusRingAreVisibleEnough() {
        try (Browser browser = new Browser()) {
            browser.open("/login");
            org.openqa.selenium.WebElement username = browser.byId("username");
            String card = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return getComputedStyle(arguments[0].closest('.card')).backgroundColor", username);
            String border = username.getCssValue("border-top-color");
            assertTrue(contrast(border, card) >= 3.0, "border " + border + " on " + card + ": " + contrast(border, card));
            username.sendKeys(org.openqa.selenium.Keys.TAB); // keyboard focus moves to the password field: :focus-visible
            org.openqa.selenium.WebElement focused = browser.driver().switchTo().activeElement();
            assertEquals("password", focused.getAttribute("id"));
            String ring = focused.getCssValue("outline-color");
            assertEquals("solid", focused.getCssValue("outline-style"), "a visible focus ring");
            assertTrue(contrast(ring, card) >= 3.0, "focus ring " + ring + " on " + card + ": " + contrast(ring, card));
        }
    }

    /** WCAG 2 contrast ratio of two CSS colours, rgb()/rgba() or #rrggbb. */
    static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String css) {
        int[] rgb = new int[3];
        String c = css.trim();
        if (c.startsWith("#")) {
            for (int i = 0; i < 3; i++) {
                rgb[i] = Integer.parseInt(c.substring(1 + 2 * i, 3 + 2 * i), 16);
            }
        } else {
            String[] parts = c.substring(c.indexOf('(') + 1, c.indexOf(')')).split(",");
            for (int i = 0; i < 3; i++) {
                rgb[i] = Integer.parseInt(parts[i].trim());
            }
        }
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            lin[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }
}
