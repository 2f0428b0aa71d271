package org.gatehouse.it.admin;

import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts in the console: bad input refused, passwords reset, an admin cannot lock themselves
 * out; changes take effect at once: a user disabled, reset or demoted in another session loses
 * that session at its next request, and (disabled, reset) the refresh token too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountAdminBrowserIT {

    @Test
    void badAccountInputIsRefusedWithNothingSaved() {
        try (Browser admin = Console.signedInAdmin()) {
            long before = Db.count("select count(*) from account");
            admin.open("/admin/account");
            admin.type("account:username", "ALICE").type("account:password", "short").type("account:email", "not-an-email");
            admin.click("account:save");
            assertTrue(Console.fieldMessage(admin, "account:username-message").contains("is taken"), admin.text());
            assertTrue(Console.fieldMessage(admin, "account:password-message").contains("at least 12"), admin.text());
            assertTrue(Console.fieldMessage(admin, "account:email-message").contains("not an e-mail"), admin.text());
            assertEquals(before, Db.count("select count(*) from account"));
        }
    }

    @Test
    void anOperatorVouchesForAnEmailAddressAndLosesThatWithTheAddress() {
        String user = Console.unique("verified");
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, user, "Verified-password-1");
            admin.type("account:email", user + "@example.org");
            admin.byId("account:emailVerified").sendKeys(org.openqa.selenium.Keys.SPACE);
            new org.openqa.selenium.support.ui.WebDriverWait(admin.driver(), java.time.Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("account:emailVerified")).isSelected());
            admin.click("account:save");
            admin.find(By.cssSelector("#messages .info"));
            assertEquals(Boolean.TRUE, Db.value("select email_verified from account where username = ?", user));
            admin.byId("account:email").clear();
            admin.click("account:save");
            admin.find(By.cssSelector("#messages .info"));
            assertEquals(Boolean.FALSE, Db.value("select email_verified from account where username = ?", user),
                    "no address, nothing verified");
        }
    }

    @Test
    void aResetPasswordIsTheOneThatSignsIn() {
        String user = Console.unique("reset");
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, user, "First-password-123");
            admin.type("password:newPassword", "Second-password-456").click("password:reset");
            assertTrue(Console.messages(admin).contains("The password was reset."), Console.messages(admin));
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'ACCOUNT_PASSWORD_RESET' and subject = ?", user));
        }
        try (Browser browser = new Browser()) {
            browser.open("/login");
            browser.signIn(user, "First-password-123");
            assertTrue(Console.messages(browser).contains("Wrong username or password."), Console.messages(browser));
            browser.signIn(user, "Second-password-456");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                    .until(d -> !d.getCurrentUrl().startsWith(Http.base() + "/login"));
        }
    }

    @Test
    void anAdminCannotDisableThemselvesOrDropTheirAdminRole() {
        try (Browser admin = Console.signedInAdmin()) {
            long id = (Long) Db.value("select id from account where username = 'admin'");
            admin.open("/admin/account?id=" + id);
            admin.toggle("account:enabled");
            Console.check(admin, "account:roles", List.of("user"));
            admin.click("account:save");
            assertTrue(Console.fieldMessage(admin, "account:enabled-message").contains("cannot disable your own account"), admin.text());
            assertTrue(Console.fieldMessage(admin, "account:roles-message").contains("cannot remove your own admin role"), admin.text());
            assertEquals(Boolean.TRUE, Db.value("select enabled from account where username = 'admin'"));
            assertTrue(((String) Db.value("select roles from account where username = 'admin'")).contains("admin"));
        }
    }

    @Test
    void promotingAnAccountToAdminOpensTheConsoleToIt() {
        String user = Console.unique("promoted");
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, user, "Promoted-password-1");
            Console.check(admin, "account:roles", List.of("user", "admin"));
            admin.click("account:save");
            admin.find(By.cssSelector("#messages .info"));
        }
        try (Browser browser = new Browser()) {
            browser.open("/admin/");
            browser.waitForUrl(Http.base() + "/login");
            browser.signIn(user, "Promoted-password-1");
            browser.waitForUrl(Http.base() + "/admin");
            assertFalse(browser.text().contains("Access denied"));
            assertTrue(browser.byId("count-clients").isDisplayed());
        }
    }

    /** Signs the user in through a cookie-keeping HTTP client and returns the tokens it got for it-confidential. */
    private static JsonObject signInWithTokens(OAuthFlow flow, String username, String password) {
        String redirect = flow.authorizeAndApprove(flow.request(OAuthFlow.CONFIDENTIAL, "profile", "s"), username, password);
        HttpResponse<String> r = flow.exchange(Http.query(redirect).get("code"), OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** Whether the flow's session is still signed in: an authorization request is then not sent to sign-in. */
    private static boolean signedIn(OAuthFlow flow) {
        HttpResponse<String> r = flow.authorize(flow.request(OAuthFlow.CONFIDENTIAL, "profile", "again"));
        return !OAuthFlow.location(r).startsWith(Http.base() + "/login");
    }

    private static void assertInvalidGrant(String refreshToken) {
        HttpResponse<String> r = Console.refresh(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET, refreshToken);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("invalid_grant", Http.json(r).getString("error"), r.body());
    }

    private static long accountId(String username) {
        return ((Number) Db.value("select id from account where username = ?", username)).longValue();
    }

    @Test
    void disablingASignedInUserEndsTheirSessionAndTheirRefreshToken() {
        String user = Console.unique("disabled");
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, user, "Disabled-password-1");
            OAuthFlow flow = new OAuthFlow();
            JsonObject tokens = signInWithTokens(flow, user, "Disabled-password-1");
            assertTrue(signedIn(flow));

            admin.toggle("account:enabled");
            admin.click("account:save");
            admin.find(By.cssSelector("#messages .info"));
            assertFalse(signedIn(flow), "the next request of the user's session is signed out");
            assertInvalidGrant(tokens.getString("refresh_token"));
        }
    }

    @Test
    void signOutEverywhereEndsTheSessionsButKeepsTheTokens() {
        String user = Console.unique("signout-live");
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, user, "Signout-live-password-1");
            OAuthFlow laptop = new OAuthFlow();
            OAuthFlow phone = new OAuthFlow();
            JsonObject tokens = signInWithTokens(laptop, user, "Signout-live-password-1");
            signInWithTokens(phone, user, "Signout-live-password-1");
            assertTrue(signedIn(laptop) && signedIn(phone));

            admin.click("sessions:sign-out-everywhere");
            assertTrue(Console.messages(admin).contains("Every session of this account ends"), Console.messages(admin));
            assertFalse(signedIn(laptop), "both browsers are signed out");
            assertFalse(signedIn(phone));
            HttpResponse<String> refreshed = Console.refresh(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET,
                    tokens.getString("refresh_token"));
            assertEquals(200, refreshed.statusCode(), "tokens are not revoked by a sign-out: " + refreshed.body());
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'ACCOUNT_SIGNED_OUT' and subject = ?", user));
        }
    }

    @Test
    void deletingAnAccountAsksFirstThenRevokesItsGrantsDeletesItsDataEndsItsSessionsAndKeepsItsAuditTrail() {
        String user = Console.unique("deleted");
        String password = "Deleted-password-1";
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, user, password);
            long id = accountId(user);
            OAuthFlow flow = new OAuthFlow();
            String redirect = flow.authorizeAndApprove(flow.request(OAuthFlow.CONFIDENTIAL, "profile notes:write", "s"), user, password);
            HttpResponse<String> r = flow.exchange(Http.query(redirect).get("code"), OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET);
            assertEquals(200, r.statusCode(), r.body());
            JsonObject tokens = Http.json(r);
            String bearer = "Bearer " + tokens.getString("access_token");
            assertEquals(201, Http.postRaw("/api/notes", "{\"text\":\"mine\"}", "application/json", "Authorization", bearer).statusCode());
            assertTrue(signedIn(flow)); // (its authorization request leaves a second grant, with a code not yet redeemed)
            long live = Db.count("select count(*) from token_grant where account_id = ? and revoked_at is null", id);
            assertEquals(2, live);

            admin.click("delete:ask-delete");
            String asked = admin.textOf("delete:confirm");
            assertTrue(asked.contains("Delete " + user + "?") && asked.contains("Its 2 live grant(s) are revoked")
                    && asked.contains("its 1 remembered consent(s)") && asked.contains("Audit events about it are kept"), asked);
            admin.click("delete:cancel-delete");
            assertTrue(admin.driver().findElements(By.id("delete:confirm")).isEmpty());
            assertEquals(1, Db.count("select count(*) from account where id = ?", id), "cancelled: kept");
            assertTrue(signedIn(flow), "cancelled: still signed in");
            live = Db.count("select count(*) from token_grant where account_id = ? and revoked_at is null", id);

            admin.click("delete:ask-delete");
            admin.click("delete:confirm-delete");
            admin.waitForUrl(Http.base() + "/admin/accounts");
            assertTrue(Console.messages(admin).contains("Account " + user + " deleted; " + live + " grant(s) revoked"), Console.messages(admin));
            assertEquals(0, Db.count("select count(*) from account where id = ?", id));
            assertEquals(0, Db.count("select count(*) from consent where account_id = ?", id));
            assertEquals(0, Db.count("select count(*) from note where account_id = ?", id));
            assertEquals(0, Db.count("select count(*) from token_grant where account_id = ? and revoked_at is null", id));
            assertInvalidGrant(tokens.getString("refresh_token"));
            assertEquals(401, Http.get("/api/me", "Authorization", bearer).statusCode(), "the access token is refused");
            assertFalse(signedIn(flow), "the user's session ended");
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'ACCOUNT_CREATED' and subject = ?", user),
                    "the audit trail is kept");
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'ACCOUNT_DELETED' and subject = ?"
                    + " and detail = ?", user,
                    "grantsRevoked=" + live + " consentsForgotten=1 notesDeleted=1"));
        }
    }

    @Test
    void anAdminCannotDeleteTheirOwnAccount() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/account?id=" + accountId("admin"));
            assertTrue(admin.textOf("own-account").contains("the account you are signed in with"), admin.text());
            assertTrue(admin.driver().findElements(By.id("delete:ask-delete")).isEmpty(), "no delete button on one's own account");
        }
    }

    @Test
    void resettingASignedInUsersPasswordEndsTheirSessionAndTheirRefreshToken() {
        String user = Console.unique("reset-live");
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, user, "Reset-live-password-1");
            OAuthFlow flow = new OAuthFlow();
            JsonObject tokens = signInWithTokens(flow, user, "Reset-live-password-1");
            assertTrue(signedIn(flow));

            admin.type("password:newPassword", "Reset-live-password-2").click("password:reset");
            assertTrue(Console.messages(admin).contains("The password was reset."), Console.messages(admin));
            assertFalse(signedIn(flow), "the next request of the user's session is signed out");
            assertInvalidGrant(tokens.getString("refresh_token"));
            assertEquals(0, Db.count("select count(*) from token_grant where account_id = ? and revoked_at is null",
                    accountId(user)), "every grant of the account is revoked");
        }
    }

    @Test
    void aDemotedAdminIsNoLongerAdminAtTheirNextRequestAndCannotCreateAnAdmin() {
        String demoted = Console.unique("demoted");
        String accomplice = Console.unique("accomplice");
        try (Browser admin = Console.signedInAdmin()) {
            Console.createAccount(admin, demoted, "Demoted-password-1");
            Console.check(admin, "account:roles", List.of("user", "admin"));
            admin.click("account:save");
            admin.find(By.cssSelector("#messages .info"));
            try (Browser other = new Browser()) {
                other.open("/admin/");
                other.waitForUrl(Http.base() + "/login");
                other.signIn(demoted, "Demoted-password-1");
                other.waitForUrl(Http.base() + "/admin");
                other.open("/admin/account");
                other.type("account:username", accomplice).type("account:password", "Accomplice-password-1");
                Console.check(other, "account:roles", List.of("user", "admin"));

                admin.open("/admin/account?id=" + accountId(demoted));
                Console.check(admin, "account:roles", List.of("user"));
                admin.click("account:save");
                admin.find(By.cssSelector("#messages .info"));

                other.click("account:save");
                other.waitForUrl(Http.base() + "/login");
                assertEquals(0, Db.count("select count(*) from account where username = ?", accomplice),
                        "the form the demoted admin had open creates nothing");
                other.open("/admin/");
                other.waitForUrl(Http.base() + "/login");
            }
        }
    }
}
