package org.gatehouse.it.admin;

import org.gatehouse.it.Browser;
import org.gatehouse.it.Db;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on the client and scope pages: a clear message where it belongs, and nothing saved. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientValidationBrowserIT {

    @Test
    void malformedRedirectUrisAreReportedLineByLineAndNothingIsSaved() {
        try (Browser admin = Console.signedInAdmin()) {
            String name = Console.unique("Bad URIs");
            admin.open("/admin/client");
            Console.fillClient(admin, null, name, "CONFIDENTIAL", "CLIENT_SECRET_BASIC",
                    "http://app.example.com/cb\nhttps://app.example.com/cb#frag\n/relative/cb\nhttps://ok.example.com/cb",
                    List.of("profile"), List.of());
            admin.click("client:save");
            String messages = Console.fieldMessage(admin, "client:redirectUris-message");
            assertTrue(messages.contains("Line 1: http://app.example.com/cb must use https"), messages);
            assertTrue(messages.contains("Line 2: https://app.example.com/cb#frag must not contain a fragment"), messages);
            assertTrue(messages.contains("Line 3: /relative/cb must be an absolute URI"), messages);
            assertTrue(Console.messages(admin).contains("Nothing was saved"), Console.messages(admin));
            assertEquals(0, Db.count("select count(*) from client where name = ?", name));
            assertEquals("http://app.example.com/cb\nhttps://app.example.com/cb#frag\n/relative/cb\nhttps://ok.example.com/cb",
                    admin.byId("client:redirectUris").getAttribute("value").replace("\r", ""), "the input is kept for correction");
        }
    }

    @Test
    void theAuthenticationMethodsOfferedFollowTheClientType() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/client");
            Console.fillClient(admin, null, null, "PUBLIC", null, null, null, null);
            Select methods = new Select(admin.byId("client:authMethod"));
            assertEquals(List.of("none"), methods.getOptions().stream().map(o -> o.getText()).toList());
            Console.fillClient(admin, null, null, "CONFIDENTIAL", null, null, null, null);
            methods = new Select(admin.byId("client:authMethod"));
            assertEquals(List.of("client_secret_basic", "client_secret_post"), methods.getOptions().stream().map(o -> o.getText()).toList());
            assertEquals("client_secret_basic", methods.getFirstSelectedOption().getText(), "back to a method with a secret");
        }
    }

    @Test
    void theClientListShowsHowEachAuthenticatesAndWhereItRedirects() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/clients");
            String list = admin.waitForPageText("it-confidential");
            assertTrue(list.contains("client_secret_basic"), list);
            assertTrue(list.contains("http://127.0.0.1:9876/callback"), "it-oidc's redirect URI: " + list);
            assertTrue(list.contains("none"), "a public client: " + list);
        }
    }

    @Test
    void everyBadFieldIsReportedInOneRoundEvenALifetimeThatIsNotANumber() {
        try (Browser admin = Console.signedInAdmin()) {
            String name = Console.unique("One Round");
            admin.open("/admin/client");
            Console.fillClient(admin, "x", name, "CONFIDENTIAL", "CLIENT_SECRET_BASIC", "https://app.example.com/cb#frag",
                    List.of("profile"), List.of("notes:read"));
            admin.type("client:accessTokenTtl", "ten minutes");
            admin.type("client:refreshTokenTtl", "86400");
            admin.click("client:save");
            assertTrue(Console.fieldMessage(admin, "client:accessTokenTtl-message").contains("Enter a whole number of seconds"),
                    admin.text());
            assertTrue(Console.fieldMessage(admin, "client:clientId-message").contains("Client id must be 3-100 characters"), admin.text());
            assertTrue(Console.fieldMessage(admin, "client:redirectUris-message").contains("must not contain a fragment"), admin.text());
            assertTrue(Console.fieldMessage(admin, "client:defaultScopes-message").contains("notes:read"), admin.text());
            assertTrue(Console.messages(admin).contains("Nothing was saved"), Console.messages(admin));
            assertEquals("ten minutes", admin.byId("client:accessTokenTtl").getAttribute("value"), "the input is kept for correction");
            assertEquals(0, Db.count("select count(*) from client where name = ?", name));
        }
    }

    @Test
    void postLogoutRedirectUrisAreJudgedLikeRedirectUrisThenSaved() {
        try (Browser admin = Console.signedInAdmin()) {
            String name = Console.unique("Logout App");
            admin.open("/admin/client");
            Console.fillClient(admin, null, name, "CONFIDENTIAL", "CLIENT_SECRET_BASIC", "https://app.example.com/cb",
                    List.of("profile"), List.of());
            admin.type("client:postLogoutRedirectUris", "https://app.example.com/bye\nhttp://app.example.com/bye");
            admin.click("client:save");
            String message = admin.waitForText("client:postLogoutRedirectUris-message", "Line 2: http://app.example.com/bye must use https");
            assertTrue(Console.messages(admin).contains("Nothing was saved"), message);
            assertEquals(0, Db.count("select count(*) from client where name = ?", name));
            admin.type("client:postLogoutRedirectUris", "https://app.example.com/bye\nhttp://127.0.0.1:7000/bye");
            admin.click("client:save");
            admin.waitForText("messages", "Client created.");
            assertEquals("https://app.example.com/bye\nhttp://127.0.0.1:7000/bye",
                    Db.value("select post_logout_redirect_uris from client where name = ?", name));
        }
    }

    @Test
    void clientCredentialsOnAPublicClientIsReportedOnTheGrantTypesAndNothingIsSaved() {
        try (Browser admin = Console.signedInAdmin()) {
            String name = Console.unique("Public Service");
            admin.open("/admin/client");
            Console.fillClient(admin, null, name, "PUBLIC", null, "http://127.0.0.1/cb", List.of("profile"), List.of());
            Console.check(admin, "client:grantTypes", List.of("authorization_code", "client_credentials"));
            admin.click("client:save");
            String message = admin.waitForText("client:grantTypes-message", "client_credentials is only for confidential clients");
            assertTrue(message.contains("no secret"), message);
            assertTrue(Console.messages(admin).contains("Nothing was saved"), Console.messages(admin));
            assertEquals(0, Db.count("select count(*) from client where name = ?", name));
            assertTrue(admin.driver().findElement(By.cssSelector("input[name='client:grantTypes'][value='client_credentials']")).isSelected(),
                    "the input is kept for correction");
        }
    }

    @Test
    void duplicateNameAndIdAreRefused() {
        try (Browser admin = Console.signedInAdmin()) {
            long before = Db.count("select count(*) from client");
            admin.open("/admin/client");
            Console.fillClient(admin, "it-confidential", "it confidential client", "CONFIDENTIAL", "CLIENT_SECRET_BASIC",
                    "https://dup.example.com/cb", List.of("profile"), List.of());
            admin.click("client:save");
            assertTrue(Console.fieldMessage(admin, "client:clientId-message").contains("already exists"), admin.text());
            assertTrue(Console.fieldMessage(admin, "client:name-message").contains("Another client is already named"), admin.text());
            assertEquals(before, Db.count("select count(*) from client"));
        }
    }

    @Test
    void aScopeRemovedFromTheCatalogueMeanwhileIsReportedAsUnknown() {
        String scope = Console.unique("temp") + ":read";
        String name = Console.unique("Unknown Scope App");
        try (Browser admin = Console.signedInAdmin(); Browser other = Console.signedInAdmin()) {
            admin.open("/admin/scopes");
            admin.type("newScope:name", scope).type("newScope:description", "Temporary <b>scope</b>").click("newScope:add");
            admin.find(By.cssSelector("#messages .info"));
            assertTrue(admin.driver().getPageSource().contains("Temporary &lt;b&gt;scope&lt;/b&gt;") || admin.text().contains("Temporary <b>scope</b>"));

            admin.open("/admin/client");
            Console.fillClient(admin, null, name, "PUBLIC", null, "http://127.0.0.1/cb", List.of("profile", scope), List.of());

            other.open("/admin/scopes");
            String row = "//form[.//code[text()='" + scope + "']]";
            other.driver().findElement(By.xpath(row + "//input[@value='Delete…']")).click();
            String asked = other.find(By.xpath(row + "//div[contains(@class,'confirm')]")).getText();
            assertTrue(asked.contains("Delete the scope " + scope + "?") && asked.contains("invalid_scope"), asked);
            other.driver().findElement(By.xpath(row + "//input[@value='Keep it']")).click();
            other.find(By.xpath(row + "//input[@value='Delete…']"));
            assertEquals(1, Db.count("select count(*) from scope where name = ?", scope), "kept");
            other.driver().findElement(By.xpath(row + "//input[@value='Delete…']")).click();
            other.find(By.xpath(row + "//input[@value='Yes, delete']")).click();
            other.find(By.cssSelector("#messages .info"));
            assertEquals(0, Db.count("select count(*) from scope where name = ?", scope));

            admin.click("client:save");
            String message = Console.fieldMessage(admin, "client:allowedScopes-message");
            assertTrue(message.contains("Unknown scope: " + scope), admin.text());
            assertEquals(0, Db.count("select count(*) from client where name = ?", name));
        }
    }

    @Test
    void aScopeThatClientsAllowCannotBeDeleted() {
        try (Browser admin = Console.signedInAdmin()) {
            admin.open("/admin/scopes");
            admin.driver().findElement(By.xpath("//form[.//code[text()='notes:read']]//input[@value='Delete…']")).click();
            admin.find(By.cssSelector("#messages .error"));
            assertTrue(Console.messages(admin).contains("cannot be deleted"), Console.messages(admin));
            assertTrue(Console.messages(admin).contains("it-confidential"), Console.messages(admin));
            assertEquals(1, Db.count("select count(*) from scope where name = 'notes:read'"));
            assertTrue(admin.driver().findElements(By.cssSelector("#scope-list .confirm")).isEmpty(), "refused at once, not asked");
        }
    }

    @Test
    void concurrentEditsOfOneClientTheSecondIsRefusedWithNothingSaved() {
        try (Browser first = Console.signedInAdmin(); Browser second = Console.signedInAdmin()) {
            String clientId = Console.unique("race-app");
            Console.createClient(first, clientId, Console.unique("Race App"), "https://race.example.com/cb", List.of("profile"));
            first.open("/admin/client?id=" + clientId);
            second.open("/admin/client?id=" + clientId);

            first.type("client:redirectUris", "https://race.example.com/first");
            first.click("client:save");
            first.find(By.cssSelector("#messages .info"));

            second.type("client:redirectUris", "https://race.example.com/second");
            second.click("client:save");
            second.find(By.cssSelector("#messages .error"));
            assertTrue(Console.messages(second).contains("Someone else changed this client"), Console.messages(second));
            assertEquals("https://race.example.com/first",
                    Db.value("select redirect_uris from client where client_id = ?", clientId));
        }
    }
}
