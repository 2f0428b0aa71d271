package org.gatehouse.it.admin;

import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accounts in the console: bad input refused, passwords reset, an admin cannot lock themselves out. */
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
            admin.byId("account:enabled").click();
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
}
