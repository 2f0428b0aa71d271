package org.gatehouse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone's width (390 × 844 CSS px): the sign-in, consent and error pages and the admin console
 * never scroll sideways, and the top bar folds (the links below the name) instead of running off
 * the screen; a wide console table scrolls inside its own box.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NarrowScreenIT {

    private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=it-oidc"
            + "&redirect_uri=" + Http.enc("http://127.0.0.1:9876/callback") + "&scope=openid+profile&state=narrow&nonce=n-narrow"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&prompt=consent";

    @Test
    void signInConsentAndErrorPagesFitAPhone() {
        try (Browser b = phone()) {
            b.open(AUTHORIZE);
            b.waitForUrl(Http.base() + "/login");
            assertFits(b, "the sign-in page");
            b.signIn("dave", "dave-password-1");
            b.waitForUrl(Http.base() + "/consent");
            assertFits(b, "the consent page");
            assertFolded(b, "the consent page (signed in)");
            b.open(AUTHORIZE.replace(Http.enc("http://127.0.0.1:9876/callback"), Http.enc("https://attacker.example/" + "long-path/".repeat(12))));
            b.waitForPageText("it-oidc");
            assertFits(b, "the invalid-redirect error page, with a long redirect URI in it");
            assertTrue(!b.driver().findElements(By.cssSelector("header.topbar")).isEmpty(), "the error page keeps the site's header");
        }
    }

    @Test
    void theAdminConsoleFitsAPhone() {
        // one failed sign-in (from an address of its own): the accounts page then lists it in its second, plain table
        OAuthFlow stranger = new OAuthFlow().from("198.51.100.73");
        stranger.signIn(stranger.get("/login"), "narrow-nobody", "not-a-password-at-all");
        try (Browser b = phone()) {
            b.open("/admin/");
            b.waitForUrl(Http.base() + "/login");
            b.signIn("admin", System.getProperty("it.admin.password"));
            b.waitForUrl(Http.base() + "/admin");
            assertFolded(b, "the console (every link of the top bar)");
            for (String page : new String[] {"/admin/", "/admin/accounts", "/admin/clients", "/admin/grants", "/admin/sessions", "/admin/audit"}) {
                b.open(page);
                b.loaded();
                if (page.equals("/admin/accounts")) {
                    b.find(By.id("throttled")); // the wide plain table is on the page
                }
                assertFits(b, page);
            }
        }
    }

    private static Browser phone() {
        Browser b = new Browser();
        b.driver().manage().window().setSize(new Dimension(390, 844));
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return window.innerWidth")).intValue() <= 400);
        return b;
    }

    private static void assertFits(Browser b, String what) {
        b.loaded();
        Number overflow = (Number) ((JavascriptExecutor) b.driver()).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, what + " is " + overflow + " px wider than the screen");
    }

    /** The top bar's links are all on screen, below the name rather than beside it. */
    private static void assertFolded(Browser b, String what) {
        Rectangle brand = b.find(By.cssSelector(".topbar .brand")).getRect();
        Rectangle nav = b.find(By.cssSelector(".topbar nav")).getRect();
        assertTrue(nav.getY() >= brand.getY() + brand.getHeight() - 1, what + ": the links sit below the name");
        Number width = (Number) ((JavascriptExecutor) b.driver()).executeScript("return window.innerWidth");
        for (var link : b.driver().findElements(By.cssSelector(".topbar nav a, .topbar nav input[type=submit]"))) {
            Rectangle r = link.getRect();
            assertTrue(r.getX() >= 0 && r.getX() + r.getWidth() <= width.intValue(), what + ": " + link.getText() + " is cut off at " + r);
        }
    }
}
