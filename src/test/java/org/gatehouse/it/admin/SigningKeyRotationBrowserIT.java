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
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotating the signing key in the console: old tokens keep verifying, new tokens carry the new kid. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SigningKeyRotationBrowserIT {

    private static final String REDIRECT = "http://127.0.0.1:9/cb";
    private static final String PASSWORD = "Console-user-password-1";

    @Test
    void oldTokensStillVerifyAndNewTokensUseTheNewKid() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("keys-app");
            String secret = Console.createClient(admin, clientId, Console.unique("Keys App"), REDIRECT, List.of("profile"));
            String user = Console.createAccount(admin, Console.unique("user"), PASSWORD);
            JsonObject before = Console.tokens(clientId, secret, REDIRECT, user, PASSWORD, "profile");
            String oldKid = Console.jwtHeader(before.getString("access_token")).getString("kid");

            admin.open("/admin/keys");
            assertEquals(oldKid, activeKid(admin), "the console shows the key that signs");
            admin.click("keys:ask-rotate");
            String asked = admin.textOf("keys:confirm");
            assertTrue(asked.contains("Rotate the signing key?") && asked.contains("stays in the JWKS"), asked);
            admin.click("keys:cancel-rotate");
            assertTrue(admin.driver().findElements(By.id("keys:confirm")).isEmpty(), "cancelled: the question is gone");
            assertEquals(oldKid, activeKid(admin), "cancelled: nothing rotated");
            assertEquals(0, Db.count("select count(*) from audit_event where event_type = 'KEY_ROTATED' and subject = ?", oldKid));

            admin.click("keys:ask-rotate");
            admin.click("keys:rotate");
            admin.find(By.cssSelector("#messages .info"));
            String newKid = activeKid(admin);
            assertNotEquals(oldKid, newKid);
            assertTrue(admin.textOf("keys:table").contains(oldKid + " " + Http.signingAlgorithm() + " RETIRING"), admin.textOf("keys:table"));

            String jwks = Http.get("/oauth2/jwks").body();
            assertTrue(jwks.contains(oldKid) && jwks.contains(newKid), "both keys are published: " + jwks);
            assertEquals(200, Http.get("/api/me", "Authorization", "Bearer " + before.getString("access_token")).statusCode(),
                    "a token signed by the previous key still verifies");

            JsonObject after = Console.tokens(clientId, secret, REDIRECT, user, PASSWORD, "profile");
            assertEquals(newKid, Console.jwtHeader(after.getString("access_token")).getString("kid"));
            assertEquals(200, Http.get("/api/me", "Authorization", "Bearer " + after.getString("access_token")).statusCode());
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'KEY_ROTATED' and subject = ?", newKid));
        }
    }

    private static String activeKid(Browser admin) {
        List<WebElement> rows = admin.driver().findElements(By.xpath("//table[@id='keys:table']//tr[.//span[text()='ACTIVE']]//code"));
        assertEquals(1, rows.size(), "exactly one active key");
        return rows.get(0).getText();
    }
}
