package org.gatehouse.it.admin;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's Sessions view: every signed-in browser session of an account is listed (when,
 * from where, which browser); "Sign this user out" asks first, then ends all of them at their next
 * request and takes them off the list; a user's own sign-out takes that session off at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsBrowserIT {

    private static final String PASSWORD = "Sessions-user-password-1";

    @Test
    void everySessionOfAUserIsListedAndSigningTheUserOutEndsThemAll() {
        try (Browser admin = Console.signedInAdmin(); Browser one = new Browser(); Browser two = new Browser()) {
            String user = Console.createAccount(admin, Console.unique("sess"), PASSWORD);
            signIn(one, user);
            signIn(two, user);

            admin.open("/admin/");
            admin.click("sessions-tile");
            admin.waitForUrl(Http.base() + "/admin/sessions");
            search(admin, user);
            List<WebElement> rows = rows(admin);
            assertEquals(2, rows.size(), admin.textOf("sessions:table"));
            String table = admin.textOf("sessions:table");
            assertTrue(table.contains("127.0.0.1"), table);
            assertTrue(table.contains("Chrome"), "the browser, named from its User-Agent: " + table);

            admin.click("sessions:table:0:sign-out");
            String asked = admin.textOf("sessions:confirm-panel");
            assertTrue(asked.contains("Sign " + user + " out?") && asked.contains("on every node"), asked);
            admin.click("sessions:cancel-sign-out");
            assertTrue(signedInAs(one, user), "cancelled: still signed in");

            search(admin, user);
            admin.click("sessions:table:0:sign-out");
            admin.click("sessions:confirm-sign-out");
            assertTrue(Console.messages(admin).contains(user + " is signed out"), Console.messages(admin));
            search(admin, user);
            assertTrue(admin.textOf("sessions:table").contains("Nobody is signed in."), admin.textOf("sessions:table"));
            assertFalse(signedInAs(one, user), "the first browser is signed out");
            assertFalse(signedInAs(two, user), "and the second");
            assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'ACCOUNT_SIGNED_OUT' and subject = ?", user));
        }
    }

    @Test
    void aUsersOwnSignOutLeavesTheListAndTheAdministratorCannotSignThemselvesOutHere() {
        try (Browser admin = Console.signedInAdmin(); Browser browser = new Browser()) {
            String user = Console.createAccount(admin, Console.unique("own"), PASSWORD);
            signIn(browser, user);
            admin.open("/admin/sessions");
            search(admin, user);
            assertEquals(1, rows(admin).size(), admin.textOf("sessions:table"));

            browser.click("signout:signout-button");
            assertFalse(signedInAs(browser, user));
            search(admin, user);
            assertTrue(admin.textOf("sessions:table").contains("Nobody is signed in."), admin.textOf("sessions:table"));
            assertEquals(0, Db.count("select count(*) from browser_session s join account a on a.id = s.account_id"
                    + " where a.username = ? and s.ended_at is null", user), "the row records the end");

            search(admin, Console.ADMIN);
            String own = admin.textOf("sessions:table");
            assertTrue(own.contains("(you)"), own);
            assertTrue(admin.driver().findElements(By.cssSelector("[id='sessions:table'] tr"))
                    .stream().filter(r -> r.getText().contains("(you)"))
                    .allMatch(r -> r.findElements(By.cssSelector("input[type=submit]")).isEmpty()), "no sign-out offered for yourself");
        }
    }

    private static void signIn(Browser b, String user) {
        b.open("/login");
        b.signIn(user, PASSWORD);
        b.waitForPageText("Signed in as");
    }

    private static boolean signedInAs(Browser b, String user) {
        b.open("/");
        return b.text().contains("Signed in as " + user);
    }

    private static void search(Browser admin, String username) {
        if (!admin.url().startsWith(Http.base() + "/admin/sessions")) {
            admin.open("/admin/sessions");
        }
        admin.type("sessions:q", username);
        admin.click("sessions:search");
    }

    private static List<WebElement> rows(Browser b) {
        b.textOf("sessions:table");
        return b.driver().findElements(By.cssSelector("[id='sessions:table'] tbody tr:not(.ui-datatable-empty-message)"));
    }
}
