package org.gatehouse.it.admin;

import jakarta.json.JsonObject;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's global grants list (Grants in the navigation, the overview's tile): filtered by
 * client, account and state through a bookmarkable address; the console's times in the viewer's
 * zone with the exact value on hover; audit entries of edits saying field by field what changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrantsListBrowserIT {

    private static final String REDIRECT = "http://127.0.0.1:9/cb";
    private static final String PASSWORD = "Grants-list-password-1";

    @Test
    void theGrantsListFiltersByClientAccountAndStateAndRevokedGrantsStayListedAsRevoked() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("list-app");
            String secret = Console.createClient(admin, clientId, Console.unique("List App"), REDIRECT, List.of("profile"));
            String first = Console.createAccount(admin, Console.unique("first"), PASSWORD);
            String second = Console.createAccount(admin, Console.unique("second"), PASSWORD);
            JsonObject firstTokens = Console.tokens(clientId, secret, REDIRECT, first, PASSWORD, "profile");
            Console.tokens(clientId, secret, REDIRECT, second, PASSWORD, "profile");

            admin.open("/admin/");
            admin.click("grants-tile");
            admin.waitForUrl(Http.base() + "/admin/grants");
            assertTrue(admin.find(By.cssSelector("nav.admin-nav")).getText().contains("Grants"), "Grants is in the navigation");
            assertEquals("Live grants", admin.textOf("list-title"));
            assertTrue(admin.textOf("consents-hint").contains("Filter by a client or an account"), admin.text());

            // by client: a bookmarkable address, both accounts' grants, the client's consents
            admin.type("filter:client", clientId);
            admin.click("filter:apply");
            admin.waitForUrl(Http.base() + "/admin/grants?client=" + clientId);
            String table = admin.textOf("grants:table");
            assertTrue(table.contains(first) && table.contains(second), table);
            assertTrue(table.contains("Live"), table);
            assertEquals(2, rows(admin).size(), table);
            assertTrue(admin.textOf("consents:table").contains(first), "the client's consents are listed with a client filter");

            // by client and account
            admin.type("filter:username", first);
            admin.click("filter:apply");
            admin.waitForUrl(Http.base() + "/admin/grants?");
            assertTrue(admin.url().contains("username=" + URLEncoder.encode(first, StandardCharsets.UTF_8)), admin.url());
            assertEquals(1, rows(admin).size(), admin.textOf("grants:table"));
            assertTrue(admin.textOf("owner").contains("client " + clientId + " and account " + first), admin.textOf("owner"));

            // revoke it: gone from the live list, listed under "revoked" with when and why
            admin.click("grants:table:0:revoke");
            admin.click("grants:confirm-revoke");
            admin.find(By.cssSelector("#messages .info"));
            assertEquals(401, Http.get("/api/me", "Authorization", "Bearer " + firstTokens.getString("access_token")).statusCode());
            admin.open("/admin/grants?client=" + clientId);
            assertEquals(1, rows(admin).size(), "one live grant left: " + admin.textOf("grants:table"));
            assertFalse(admin.textOf("grants:table").contains(first), admin.textOf("grants:table"));

            new Select(admin.byId("filter:state")).selectByValue("revoked");
            admin.click("filter:apply");
            admin.waitForUrl(Http.base() + "/admin/grants?");
            assertTrue(admin.url().contains("state=revoked"), admin.url());
            assertEquals("Revoked grants", admin.textOf("list-title"));
            String revoked = admin.textOf("grants:table");
            assertTrue(revoked.contains(first) && revoked.contains("Revoked") && revoked.contains("revoked by admin"), revoked);
            assertFalse(revoked.contains(second), revoked);
            assertTrue(admin.driver().findElements(By.id("grants:table:0:revoke")).isEmpty(), "a revoked grant offers no Revoke");

            // an account's name in the list leads to that account's grants
            admin.find(By.linkText(first)).click();
            admin.waitForUrl(Http.base() + "/admin/grants?");
            assertTrue(admin.textOf("owner").contains("account " + first), admin.textOf("owner"));

            // "all" shows both, the audit entry names the account by username
            admin.open("/admin/grants?state=all&client=" + clientId);
            assertEquals(2, rows(admin).size(), admin.textOf("grants:table"));
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'GRANT_REVOKED' and subject = ?",
                    clientId + " / " + first));
        }
    }

    @Test
    void aBadFilterIsSaidPlainlyAndListsNothing() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/grants?username=" + Console.unique("nobody"));
            assertTrue(Console.messages(admin).contains("There is no account named"), Console.messages(admin));
            assertTrue(admin.driver().findElements(By.id("grants:table")).isEmpty());

            admin.open("/admin/grants?state=frozen");
            assertTrue(Console.messages(admin).contains("Unknown state \"frozen\""), Console.messages(admin));

            admin.open("/admin/grants?client=" + "x".repeat(300));
            assertTrue(Console.messages(admin).contains("longer than 255 characters"), Console.messages(admin));
            assertTrue(admin.byId("filter:apply").isDisplayed(), "the filter form stays to correct it");
        }
    }

    @Test
    void timesAreShownInTheViewersZoneWithTheExactValueOnHover() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/keys");
            WebElement time = admin.find(By.cssSelector("time[datetime]"));
            String iso = time.getAttribute("datetime");
            assertTrue(iso.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), iso);
            String expected = (String) ((JavascriptExecutor) admin.driver()).executeScript(
                    "return new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'})"
                            + ".format(new Date(arguments[0]))", iso);
            new org.openqa.selenium.support.ui.WebDriverWait(admin.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> expected.equals(time.getText()));
            assertFalse(time.getText().contains("UTC"), "localised, not the UTC fallback: " + time.getText());
            assertTrue(time.getAttribute("title").startsWith(iso), time.getAttribute("title"));
        }
    }

    @Test
    void everyConsoleTableHasTheSameStyle() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/");
            List<String> plain = tableStyle(admin, "[id='settings']");
            admin.open("/admin/accounts");
            List<String> lazy = tableStyle(admin, "[id='list:table'] table");
            assertEquals(plain, lazy, "a plain table and a PrimeFaces table look alike");
        }
    }

    /** Header background, header and cell padding, cell rule and text colour, as Chromium computes them. */
    @SuppressWarnings("unchecked")
    private static List<String> tableStyle(Browser b, String table) {
        b.find(By.cssSelector(table + " td"));
        return (List<String>) ((JavascriptExecutor) b.driver()).executeScript(
                "const t = document.querySelector(arguments[0]); const th = getComputedStyle(t.querySelector('th'));"
                        + " const td = getComputedStyle(t.querySelector('td'));"
                        + " return [th.backgroundColor, th.padding, th.fontWeight, td.padding, td.borderBottom, td.color, th.textAlign];",
                table);
    }

    @Test
    void editingAClientOrAnAccountIsAuditedFieldByField() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("diff-app");
            String oldName = Console.unique("Diff App");
            Console.createClient(admin, clientId, oldName, REDIRECT, List.of("profile"));
            admin.open("/admin/client?id=" + clientId);
            String newName = Console.unique("Renamed App");
            Console.fillClient(admin, null, newName, null, null, REDIRECT + "\nhttp://127.0.0.1:9/other", null, null);
            admin.click("client:save");
            admin.find(By.cssSelector("#messages .info"));
            String detail = (String) Db.value("select detail from audit_event where event_type = 'CLIENT_UPDATED' and subject = ?", clientId);
            assertEquals("name: \"" + oldName + "\" → \"" + newName + "\"; redirectUris: [" + REDIRECT + "] → [" + REDIRECT
                    + " http://127.0.0.1:9/other]", detail);

            String user = Console.createAccount(admin, Console.unique("diff-user"), PASSWORD);
            admin.find(By.cssSelector("#messages .info"));
            admin.type("account:displayName", "Dee Iff");
            admin.click("account:save");
            admin.find(By.cssSelector("#messages .info"));
            assertEquals("displayName: (none) → \"Dee Iff\"",
                    (String) Db.value("select detail from audit_event where event_type = 'ACCOUNT_UPDATED' and subject = ?", user));
            admin.open("/admin/audit");
            assertTrue(admin.waitForText("list:table", "(none) → \"Dee Iff\"").contains(user));
        }
    }

    private static List<WebElement> rows(Browser b) {
        b.textOf("grants:table");
        return b.driver().findElements(By.cssSelector("[id='grants:table'] tbody tr:not(.ui-datatable-empty-message)"));
    }
}
