package org.gatehouse.it.admin;

import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only admins reach the console; pages cannot be framed; names are rendered as text. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAccessIT {

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        for (String page : new String[] {"/admin/", "/admin/clients", "/admin/client?id=it-public", "/admin/keys", "/admin/audit"}) {
            HttpResponse<String> r = Http.get(page);
            assertEquals(302, r.statusCode(), page);
            String location = r.headers().firstValue("Location").orElse("");
            assertTrue(location.contains("/login?next="), page + " -> " + location);
        }
        try (Browser browser = new Browser()) {
            browser.open("/admin/clients");
            browser.waitForUrl(Http.base() + "/login");
        }
    }

    @Test
    void aPathThroughTheApiPrefixIsStillTheConsoleAndSendsToSignIn() {
        for (String target : new String[] {"/api/../admin/clients", "/api/./../admin/"}) {
            String response = Http.rawGet(target);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            if (head.startsWith("HTTP/1.1 400")) {
                continue; // refused outright by the container: also no way in
            }
            assertTrue(head.startsWith("HTTP/1.1 302"), target + " -> " + head);
            assertTrue(head.contains("/login?next="), target + " -> " + head);
        }
    }

    @Test
    void aRoleNameCannotBeCreatedAsAScope() {
        try (Browser admin = Console.signedInAdmin()) {
            for (String name : new String[] {"admin", "user", "Admin"}) {
                admin.open("/admin/scopes");
                admin.type("newScope:name", name).type("newScope:description", "Administer everything");
                admin.click("newScope:add");
                assertTrue(Console.fieldMessage(admin, "newScope:name-message").contains("is reserved"), admin.text());
                assertEquals(0, org.gatehouse.it.Db.count("select count(*) from scope where lower(name) = ?", name.toLowerCase()));
            }
        }
    }

    @Test
    void aSignedInUserWithoutTheAdminRoleGets403() {
        try (Browser browser = new Browser()) {
            browser.open("/admin/");
            browser.waitForUrl(Http.base() + "/login");
            browser.signIn("alice", "alice-password-1");
            browser.waitForUrl(Http.base() + "/admin");
            assertTrue(browser.text().contains("Access denied"), browser.text());
            browser.open("/admin/clients");
            assertTrue(browser.text().contains("Access denied"), browser.text());
            assertFalse(browser.text().contains("IT Confidential Client"));
        }
    }

    @Test
    void adminSeesTheOverviewAndLists() {
        try (Browser admin = Console.signedInAdmin()) {
            assertTrue(Long.parseLong(admin.textOf("count-clients")) >= 3);
            assertTrue(Long.parseLong(admin.textOf("count-accounts")) >= 3);
            admin.open("/admin/clients");
            admin.type("list:q", "it-con").click("list:search");
            admin.find(org.openqa.selenium.By.linkText("IT Confidential Client"));
            assertFalse(admin.textOf("list:table").contains("IT Post Client"), "the search narrows the list");
            admin.open("/admin/accounts");
            admin.type("list:q", "alice").click("list:search");
            admin.find(org.openqa.selenium.By.linkText("alice"));
            admin.open("/admin/audit");
            new org.openqa.selenium.support.ui.Select(admin.byId("list:type")).selectByValue("SIGN_IN");
            admin.type("list:q", "admin").click("list:search");
            admin.find(org.openqa.selenium.By.className("event-type"));
            assertTrue(admin.textOf("list:table").contains("SIGN_IN"));
            assertFalse(admin.textOf("list:table").contains("IMPORT_APPLIED"));
        }
    }

    @Test
    void namesAreRenderedAsTextAndPagesCannotBeFramed() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/client?id=it-public");
            assertTrue(admin.text().contains("IT Public <SPA>"), "shown literally");
            assertTrue(admin.driver().getPageSource().contains("IT Public &lt;SPA&gt;"), "escaped in the markup");
            assertTrue(admin.driver().findElements(org.openqa.selenium.By.tagName("spa")).isEmpty());

            HttpResponse<String> page = Http.get("/admin/clients", "Cookie", Console.sessionCookie(admin));
            assertEquals(200, page.statusCode());
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertTrue(page.body().contains("jakarta.faces.ViewState"), "forms carry the view state (CSRF token)");
        }
    }

    @Test
    void aPostWithAnUnknownViewStateChangesNothingAndReturnsToThePage() {
        try (Browser admin = Console.signedInAdmin()) {
            long keys = org.gatehouse.it.Db.count("select count(*) from signing_key");
            HttpResponse<String> forged = Http.postForm("/admin/keys", Http.map("keys", "keys", "keys:rotate", "Rotate signing key",
                    "jakarta.faces.ViewState", "-1234:5678"), "Cookie", Console.sessionCookie(admin));
            assertEquals(302, forged.statusCode(), forged.body());
            assertTrue(forged.headers().firstValue("Location").orElse("").endsWith("/admin/keys"));

            admin.open("/admin/keys");
            admin.click("keys:ask-rotate");
            ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript(
                    "document.querySelector('#keys input[name=\"jakarta.faces.ViewState\"]').value = '-42:42';");
            admin.click("keys:rotate");
            assertTrue(Console.messages(admin).contains("The page had expired, so nothing was saved"), Console.messages(admin));
            assertTrue(admin.url().endsWith("/admin/keys"), admin.url());
            assertEquals(keys, org.gatehouse.it.Db.count("select count(*) from signing_key"), "no key was rotated");
        }
    }

    @Test
    void aClientNamedLikeMarkupIsShownAsTextOnTheConsentPage() {
        String clientId = Console.unique("markup-app");
        String name = "<script>alert('x')</script> " + clientId;
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/client");
            Console.fillClient(admin, clientId, name, "PUBLIC", null, "http://127.0.0.1:9/cb", java.util.List.of("profile"), java.util.List.of());
            admin.click("client:save");
            admin.waitForUrl(Http.base() + "/admin/client?id=");
            assertTrue(admin.text().contains(name), admin.text());
        }
        org.gatehouse.it.OAuthFlow pkce = new org.gatehouse.it.OAuthFlow();
        try (Browser user = new Browser()) {
            user.open("/oauth2/authorize?" + Http.form(Http.map("response_type", "code", "client_id", clientId,
                    "redirect_uri", "http://127.0.0.1:9/cb", "scope", "profile", "state", "s",
                    "code_challenge", pkce.challenge, "code_challenge_method", "S256")));
            user.waitForUrl(Http.base() + "/login");
            user.signIn("bob", "bob-password-1");
            user.waitForUrl(Http.base() + "/consent");
            assertEquals(name, user.textOf("client-name"), "rendered literally, not run");
        }
    }

    /** The configuration export: admins only, an import file, nothing secret in it, audited. */
    @Test
    void theExportIsForAdminsOnlyAndHoldsNoSecret() {
        HttpResponse<String> anonymous = Http.get("/admin/export");
        assertEquals(3, anonymous.statusCode() / 100, "anonymous: sent to sign in, " + anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/login"), anonymous.headers().toString());
        assertFalse(anonymous.body().contains("clientId"));
        OAuthFlow user = new OAuthFlow();
        user.follow(user.signIn(user.get("/login?next=/admin/"), "alice", "alice-password-1"));
        assertEquals(403, user.get("/admin/export").statusCode(), "a user without the admin role");

        OAuthFlow admin = new OAuthFlow();
        admin.follow(admin.signIn(admin.get("/login?next=/admin/"), Console.ADMIN, Console.adminPassword()));
        long before = Db.count("select count(*) from audit_event where event_type = 'CONFIGURATION_EXPORTED'");
        HttpResponse<String> r = admin.get("/admin/export");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("gatehouse-import.json"));
        jakarta.json.JsonObject file = Http.json(r);
        jakarta.json.JsonObject oidc = file.getJsonArray("clients").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString("clientId").equals("it-oidc")).findFirst().orElseThrow();
        assertEquals("http://127.0.0.1:9876/signed-out", oidc.getJsonArray("postLogoutRedirectUris").getString(0));
        assertFalse(r.body().contains("it-oidc-secret") || r.body().contains("\"secret\"") || r.body().contains("\"password\"")
                || r.body().contains("argon2"), "no secret, password or hash");
        assertTrue(file.getJsonArray("accounts").toString().contains("\"username\":\"alice\""));
        assertEquals(before + 1, Db.count("select count(*) from audit_event where event_type = 'CONFIGURATION_EXPORTED'"));
    }
}
