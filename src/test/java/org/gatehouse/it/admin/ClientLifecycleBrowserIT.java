package org.gatehouse.it.admin;

import jakarta.json.JsonObject;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator registers a client in the console and that client runs the real flow; then the
 * operator rotates its secret, revokes a grant, deletes the client and disables an account,
 * each taking effect on the protocol endpoints at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientLifecycleBrowserIT {

    private static final String REDIRECT = "http://127.0.0.1:9/cb";
    private static final String PASSWORD = "Console-user-password-1";
    private static final String SCOPES = "profile notes:read";

    @Test
    void registeredClientRunsTheFlowAndItsSecretIsShownOnceAndRotates() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("console-app");
            String secret = Console.createClient(admin, clientId, Console.unique("Console App"), REDIRECT, List.of("profile", "notes:read"));
            assertTrue(Console.messages(admin).contains("Client created."), Console.messages(admin));
            assertTrue(secret.length() >= 43, secret);
            assertEquals(Console.sha256(secret), Db.value("select secret_hash from client where client_id = ?", clientId),
                    "only the hash is stored");
            assertFalse(admin.driver().getPageSource().contains(Console.sha256(secret)), "the hash never reaches the page");

            admin.driver().navigate().refresh();
            admin.byId("client:save");
            assertTrue(admin.driver().findElements(By.id("secret-value")).isEmpty(), "the secret is shown only once");
            assertFalse(admin.driver().getPageSource().contains(secret));

            String user = Console.createAccount(admin, Console.unique("user"), PASSWORD);
            JsonObject tokens = Console.tokens(clientId, secret, REDIRECT, user, PASSWORD, SCOPES);
            HttpResponse<String> me = Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("access_token"));
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(user, Http.json(me).getString("username"));

            admin.open("/admin/client?id=" + clientId);
            admin.click("rotate:ask-rotate");
            String asked = admin.textOf("rotate:confirm-rotate");
            assertTrue(asked.contains("The current secret stops working at once") && asked.contains("invalid_client"), asked);
            admin.click("rotate:cancel-rotate");
            assertTrue(admin.driver().findElements(By.id("rotate:confirm-rotate")).isEmpty(), "cancelled: the question is gone");
            assertEquals(Console.sha256(secret), Db.value("select secret_hash from client where client_id = ?", clientId),
                    "cancelled: the secret is unchanged");
            admin.click("rotate:ask-rotate");
            admin.click("rotate:rotate-secret");
            String rotated = admin.textOf("secret-value").trim();
            assertNotEquals(secret, rotated);

            HttpResponse<String> old = Console.refresh(clientId, secret, tokens.getString("refresh_token"));
            assertEquals(401, old.statusCode(), old.body());
            assertEquals("invalid_client", Http.json(old).getString("error"));
            HttpResponse<String> fresh = Console.refresh(clientId, rotated, tokens.getString("refresh_token"));
            assertEquals(200, fresh.statusCode(), fresh.body());
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'CLIENT_SECRET_ROTATED' and subject = ?", clientId));
        }
    }

    @Test
    void aClientCredentialsClientNeedsNoRedirectUriGetsItsOwnTokensAndDisablingItStopsThem() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("service-app");
            admin.open("/admin/client");
            Console.fillClient(admin, clientId, Console.unique("Service App"), "CONFIDENTIAL", "CLIENT_SECRET_BASIC", null,
                    List.of("notes:read"), List.of("notes:read"));
            Console.check(admin, "client:grantTypes", List.of("client_credentials"));
            admin.click("client:save");
            String secret = admin.textOf("secret-value").trim();
            assertTrue(Console.messages(admin).contains("Client created."), Console.messages(admin));
            assertEquals("client_credentials", Db.value("select grant_types from client where client_id = ?", clientId));
            assertEquals("", Db.value("select redirect_uris from client where client_id = ?", clientId));

            HttpResponse<String> token = OAuthFlow.clientCredentials(clientId, secret, null);
            assertEquals(200, token.statusCode(), token.body());
            assertFalse(Http.json(token).containsKey("refresh_token"));
            String access = Http.json(token).getString("access_token");
            HttpResponse<String> notes = Http.get("/api/notes", "Authorization", "Bearer " + access);
            assertEquals(403, notes.statusCode(), "a valid token, but notes belong to users: " + notes.body());

            admin.open("/admin/client?id=" + clientId);
            assertTrue(admin.byId("client:enabled").isSelected());
            admin.toggle("client:enabled");
            admin.click("client:save");
            admin.waitForText("messages", "Saved.");
            HttpResponse<String> after = Http.get("/api/notes", "Authorization", "Bearer " + access);
            assertEquals(401, after.statusCode(), "the disabled client's own token stops: " + after.body());
            assertEquals(401, OAuthFlow.clientCredentials(clientId, secret, null).statusCode());
        }
    }

    @Test
    void theOneTimeSecretHasACopyButtonAndTheOverviewShowsTheSettingsInForce() {
        try (Browser admin = Console.signedInAdmin()) {
            String secret = Console.createClient(admin, Console.unique("copy-app"), Console.unique("Copy App"), REDIRECT, List.of("profile"));
            admin.click("copy-secret");
            admin.waitForText("copy-secret-status", "."); // either answer ends with a full stop
            String status = admin.textOf("copy-secret-status");
            assertTrue(status.equals("Copied to the clipboard.") || status.startsWith("Selected: press Ctrl+C"), status);
            Object selected = ((org.openqa.selenium.JavascriptExecutor) admin.driver())
                    .executeScript("return window.getSelection().toString().trim()");
            assertEquals(secret, selected, "the secret is what is copied (and selected)");

            admin.open("/admin/");
            String settings = admin.textOf("settings");
            assertTrue(settings.contains("Authorization code lifetime 1 minute gatehouse.code.ttl / GATEHOUSE_CODE_TTL"), settings);
            assertTrue(settings.contains("Access token lifetime (clients may override) 10 minutes gatehouse.token.access-ttl"), settings);
            assertTrue(settings.contains("Client registration (RFC 7591) initial-token gatehouse.registration.mode / GATEHOUSE_REGISTRATION_MODE"), settings);
            assertTrue(settings.contains("Password length at least 12, at most 200 characters fixed"), settings);
            assertTrue(settings.contains("Password hash argon2id, "), settings);
        }
    }

    @Test
    void revokingAGrantStopsItsRefreshTokenAtOnce() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("revoke-app");
            String secret = Console.createClient(admin, clientId, Console.unique("Revoke App"), REDIRECT, List.of("profile", "notes:read"));
            String user = Console.createAccount(admin, Console.unique("user"), PASSWORD);
            JsonObject tokens = Console.tokens(clientId, secret, REDIRECT, user, PASSWORD, SCOPES);

            admin.open("/admin/grants?client=" + clientId);
            assertTrue(admin.textOf("grants:table").contains(user), admin.text());
            assertTrue(admin.textOf("consents:table").contains(user), admin.text());
            admin.click("grants:table:0:revoke");
            String asked = admin.textOf("grants:confirm-revoke-panel");
            assertTrue(asked.contains("Revoke the grant of " + user + " to " + clientId + "?"), asked);
            assertTrue(asked.contains("1 live refresh token(s) stop working at once"), asked);
            admin.click("grants:cancel-revoke");
            assertTrue(admin.driver().findElements(By.id("grants:confirm-revoke-panel")).isEmpty());
            assertEquals(200, Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("access_token")).statusCode(),
                    "cancelled: the grant is still live");
            admin.click("grants:table:0:revoke");
            admin.click("grants:confirm-revoke");
            admin.find(By.cssSelector("#messages .info"));
            assertTrue(Console.messages(admin).contains("Grant revoked"), Console.messages(admin));

            HttpResponse<String> refresh = Console.refresh(clientId, secret, tokens.getString("refresh_token"));
            assertEquals(400, refresh.statusCode(), refresh.body());
            assertEquals("invalid_grant", Http.json(refresh).getString("error"));
            assertEquals(401, Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("access_token")).statusCode(),
                    "the access token of a revoked grant is refused too");
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'GRANT_REVOKED' and actor = 'admin'"
                    + " and subject like ?", clientId + "%"));
        }
    }

    @Test
    void revokingAConsentAsksFirstThenRevokesItsGrantsAndAsksTheUserAgain() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("consent-app");
            String secret = Console.createClient(admin, clientId, Console.unique("Consent App"), REDIRECT, List.of("profile"));
            String user = Console.createAccount(admin, Console.unique("user"), PASSWORD);
            JsonObject tokens = Console.tokens(clientId, secret, REDIRECT, user, PASSWORD, "profile");

            admin.open("/admin/grants?client=" + clientId);
            admin.click("consents:table:0:forget");
            String asked = admin.textOf("consents:confirm-forget-panel");
            assertTrue(asked.contains("Revoke the consent " + user + " gave " + clientId + "?"), asked);
            assertTrue(asked.contains("the consent page is shown again"), asked);
            admin.click("consents:cancel-forget");
            assertTrue(admin.driver().findElements(By.id("consents:confirm-forget-panel")).isEmpty());
            assertEquals(1, Db.count("select count(*) from consent where client_id = ?", clientId), "cancelled: kept");

            admin.click("consents:table:0:forget");
            admin.click("consents:confirm-forget");
            admin.find(By.cssSelector("#messages .info"));
            assertTrue(Console.messages(admin).contains("Consent revoked; 1 grant(s) revoked"), Console.messages(admin));
            assertEquals(0, Db.count("select count(*) from consent where client_id = ?", clientId));
            assertEquals(400, Console.refresh(clientId, secret, tokens.getString("refresh_token")).statusCode(),
                    "the grants given under that consent are revoked with it");
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'CONSENT_REVOKED' and subject like ?",
                    clientId + "%"));
        }
    }

    @Test
    void deletingAClientAsksFirstThenRevokesEverythingIssuedToIt() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("delete-app");
            String secret = Console.createClient(admin, clientId, Console.unique("Delete App"), REDIRECT, List.of("profile"));
            String user = Console.createAccount(admin, Console.unique("user"), PASSWORD);
            JsonObject tokens = Console.tokens(clientId, secret, REDIRECT, user, PASSWORD, "profile");

            admin.open("/admin/client?id=" + clientId);
            admin.click("delete:ask-delete");
            assertTrue(admin.textOf("delete:confirm").contains("1 live grant"), admin.textOf("delete:confirm"));
            admin.click("delete:cancel-delete");
            admin.byId("delete:ask-delete");
            assertEquals(1, Db.count("select count(*) from client where client_id = ?", clientId), "cancel keeps it");

            admin.click("delete:ask-delete");
            admin.click("delete:confirm-delete");
            admin.waitForUrl(Http.base() + "/admin/clients");
            assertTrue(Console.messages(admin).contains("deleted; 1 grant(s) revoked"), Console.messages(admin));
            assertEquals(0, Db.count("select count(*) from client where client_id = ?", clientId));
            assertEquals(0, Db.count("select count(*) from consent where client_id = ?", clientId));
            assertEquals(0, Db.count("select count(*) from token_grant where client_id = ? and revoked_at is null", clientId));
            assertEquals(0, Db.count("select count(*) from refresh_token where client_id = ? and revoked_at is null and rotated_at is null", clientId));
            assertEquals(401, Console.refresh(clientId, secret, tokens.getString("refresh_token")).statusCode());
            assertEquals(401, Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("access_token")).statusCode());
        }
    }

    @Test
    void disablingAnAccountRevokesItsGrants() {
        try (Browser admin = Console.signedInAdmin()) {
            String clientId = Console.unique("disable-app");
            String secret = Console.createClient(admin, clientId, Console.unique("Disable App"), REDIRECT, List.of("profile"));
            String user = Console.createAccount(admin, Console.unique("user"), PASSWORD);
            String accountUrl = admin.url();
            JsonObject tokens = Console.tokens(clientId, secret, REDIRECT, user, PASSWORD, "profile");

            admin.open(accountUrl);
            assertTrue(admin.byId("account:enabled").isSelected());
            admin.toggle("account:enabled");
            admin.click("account:save");
            admin.find(By.cssSelector("#messages .info"));
            assertTrue(Console.messages(admin).contains("disabled"), Console.messages(admin));
            assertFalse(admin.byId("account:enabled").isSelected());

            HttpResponse<String> refresh = Console.refresh(clientId, secret, tokens.getString("refresh_token"));
            assertEquals(400, refresh.statusCode(), refresh.body());
            assertEquals("invalid_grant", Http.json(refresh).getString("error"));
            Object revokedAt = Db.value("select max(revoked_at) from refresh_token where client_id = ?", clientId);
            assertNotNull(revokedAt, "the account's refresh tokens are revoked");
        }
    }
}
