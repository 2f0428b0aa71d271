package org.gatehouse.it.admin;

import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator creates, lists and revokes initial access tokens (RFC 7591 §3) in the console:
 * the token is shown once and stored as its SHA-256, its uses count, a revoked one registers nothing,
 * and a client registered with one is marked self-registered in the client list and on its page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InitialAccessTokenBrowserIT {

    private static HttpResponse<String> register(String token, String name) {
        String body = "{\"client_name\":\"" + name + "\",\"redirect_uris\":[\"https://app.example/cb\"],\"scope\":\"profile\"}";
        return Http.postRaw("/oauth2/register", body, "application/json", "X-Forwarded-For", "10.200.0." + (1 + (int) (Math.random() * 250)),
                "Authorization", "Bearer " + token);
    }

    private static String create(Browser admin, String label, String hours, String uses) {
        admin.open("/admin/registration");
        admin.type("newToken:label", label).type("newToken:validHours", hours).type("newToken:maxUses", uses);
        admin.click("newToken:create");
        String token = admin.textOf("token-value").trim();
        admin.click("copy-token"); // shown once, with a copy button that selects (and, where allowed, copies) it
        admin.waitForText("copy-token-status", ".");
        org.junit.jupiter.api.Assertions.assertEquals(token, ((org.openqa.selenium.JavascriptExecutor) admin.driver())
                .executeScript("return window.getSelection().toString().trim()"));
        return token;
    }

    private static String rowText(Browser admin, String label) {
        return admin.find(By.cssSelector("tr[data-label='" + label + "']")).getText();
    }

    @Test
    void tokensAreShownOnceCountTheirUsesAndCanBeRevoked() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/registration");
            assertEquals("initial-token", admin.textOf("mode"));

            String label = Console.unique("partner");
            String token = create(admin, label, "2", "1");
            assertTrue(Console.messages(admin).contains("created"), Console.messages(admin));
            assertTrue(token.length() >= 43, token);
            assertEquals(1, Db.count("select count(*) from initial_access_token where token_hash = ? and label = ?",
                    Console.sha256(token), label), "only the hash is stored");
            assertTrue(rowText(admin, label).contains("active"), rowText(admin, label));

            String name = Console.unique("Self App");
            HttpResponse<String> r = register(token, name);
            assertEquals(201, r.statusCode(), r.body());
            String clientId = Http.json(r).getString("client_id");

            admin.open("/admin/registration");
            admin.loaded();
            assertTrue(admin.driver().findElements(By.id("token-value")).isEmpty(), "the token is shown only once");
            assertFalse(admin.driver().getPageSource().contains(token));
            String row = rowText(admin, label);
            assertTrue(row.contains("used up") && row.contains("1 of 1"), row);
            assertEquals(401, register(token, Console.unique("Again")).statusCode());

            admin.open("/admin/clients");
            admin.type("list:q", clientId);
            admin.click("list:search");
            admin.waitForPageText("self-registered");
            admin.open("/admin/client?id=" + clientId);
            assertEquals("self-registered", admin.textOf("self-registered"));
            admin.waitForPageText("consent every time");

            String revokedLabel = Console.unique("revoked");
            String revoked = create(admin, revokedLabel, "2", "5");
            String button = admin.find(By.cssSelector("tr[data-label='" + revokedLabel + "'] input[type=submit]")).getDomAttribute("id");
            admin.click(button);
            assertTrue(Console.messages(admin).contains("revoked"), Console.messages(admin));
            assertTrue(rowText(admin, revokedLabel).contains("revoked"), rowText(admin, revokedLabel));
            assertEquals(401, register(revoked, Console.unique("Revoked")).statusCode());
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'INITIAL_TOKEN_REVOKED' and actor = 'admin'"
                    + " and detail = ?", "label=" + revokedLabel));
        }
    }

    @Test
    void invalidValuesAreRefusedNextToTheirField() {
        try (Browser admin = Console.signedInAdmin()) {
            long before = Db.count("select count(*) from initial_access_token");
            admin.open("/admin/registration");
            admin.type("newToken:label", Console.unique("bad")).type("newToken:validHours", "1").type("newToken:maxUses", "0");
            admin.click("newToken:create");
            assertTrue(Console.fieldMessage(admin, "newToken:maxUses-message").contains("between 1 and"),
                    Console.fieldMessage(admin, "newToken:maxUses-message"));
            admin.type("newToken:label", "").type("newToken:maxUses", "1");
            admin.click("newToken:create");
            assertTrue(Console.fieldMessage(admin, "newToken:label-message").contains("label"));
            assertTrue(admin.driver().findElements(By.id("token-value")).isEmpty());
            assertEquals(before, Db.count("select count(*) from initial_access_token"));
        }
    }
}
