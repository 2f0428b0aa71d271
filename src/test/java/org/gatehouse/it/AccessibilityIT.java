package org.gatehouse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.gatehouse.it.Accessibility.assertNoSeriousViolations;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages people touch, scanned by axe-core in Chromium as they render: sign-in (blank and
 * after a wrong password), consent, the invalid-redirect error page, the sign-out confirmation,
 * the Flow Playground and three admin pages. Any serious or critical WCAG 2.1 A/AA violation fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

    private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=it-oidc"
            + "&redirect_uri=" + Http.enc("http://127.0.0.1:9876/callback") + "&scope=openid+profile&state=a11y&nonce=n-a11y"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&prompt=consent";

    @Test
    void theScanFailsOnAPageWithSeriousViolations() {
        try (Browser b = new Browser()) {
            b.driver().get("about:blank");
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.body.innerHTML = \"<img src='x.png'><button></button>\";");
            AssertionError failed = assertThrows(AssertionError.class, () -> assertNoSeriousViolations(b, "a broken page"));
            assertTrue(failed.getMessage().contains("image-alt (critical)"), failed.getMessage());
            assertTrue(failed.getMessage().contains("button-name (critical)"), failed.getMessage());
        }
    }

    @Test
    void signInConsentAndSignOutPages() {
        try (Browser b = new Browser()) {
            b.open(AUTHORIZE);
            b.waitForUrl(Http.base() + "/login");
            assertNoSeriousViolations(b, "the sign-in page");

            b.signIn("carol", "not-carols-password");
            b.waitForPageText("Wrong username or password");
            assertNoSeriousViolations(b, "the sign-in page after a wrong password");

            b.signIn("carol", "carol-password-1");
            b.waitForUrl(Http.base() + "/consent");
            assertNoSeriousViolations(b, "the consent page");

            b.open("/oauth2/logout?client_id=it-oidc");
            b.waitForUrl(Http.base() + "/signout");
            assertNoSeriousViolations(b, "the sign-out confirmation");
        }
    }

    @Test
    void theInvalidRedirectErrorPage() {
        try (Browser b = new Browser()) {
            b.open(AUTHORIZE.replace(Http.enc("http://127.0.0.1:9876/callback"), Http.enc("https://attacker.example/cb")));
            b.waitForPageText("it-oidc");
            assertNoSeriousViolations(b, "the invalid-redirect error page");
        }
    }

    @Test
    void theFlowPlayground() {
        try (Browser b = new Browser()) {
            b.open("/playground/");
            new WebDriverWait(b.driver(), Duration.ofSeconds(30))
                    .until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-playground")));
            assertNoSeriousViolations(b, "the Flow Playground");
        }
    }

    @Test
    void adminPages() {
        try (Browser admin = new Browser()) {
            admin.open("/admin/");
            admin.waitForUrl(Http.base() + "/login");
            admin.signIn("admin", System.getProperty("it.admin.password"));
            admin.waitForUrl(Http.base() + "/admin");
            admin.byId("count-clients");
            assertNoSeriousViolations(admin, "the admin overview");
            admin.open("/admin/clients");
            admin.waitForPageText("it-confidential");
            assertNoSeriousViolations(admin, "the client list");
            admin.open("/admin/client?id=it-confidential");
            admin.byId("client:save");
            assertNoSeriousViolations(admin, "a client's page");
            admin.open("/admin/accounts");
            admin.waitForPageText("carol");
            assertNoSeriousViolations(admin, "the account list");
        }
    }
}
