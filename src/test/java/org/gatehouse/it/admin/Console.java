package org.gatehouse.it.admin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Drives the admin console pages in a real browser, by the ids the pages give their fields. */
final class Console {

    static final String ADMIN = "admin";

    private Console() {
    }

    static String adminPassword() {
        return System.getProperty("it.admin.password");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A browser signed in as the admin, on the console's front page. */
    static Browser signedInAdmin() {
        Browser browser = new Browser();
        browser.open("/admin/");
        browser.waitForUrl(Http.base() + "/login");
        browser.signIn(ADMIN, adminPassword());
        browser.waitForUrl(Http.base() + "/admin");
        return browser;
    }

    /** Fills the client form (new or existing) without saving. Null arguments leave a field as it is. */
    static void fillClient(Browser b, String clientId, String name, String type, String authMethod, String redirectUris,
                           List<String> allowed, List<String> defaults) {
        if (clientId != null) {
            b.type("client:clientId", clientId);
        }
        if (name != null) {
            b.type("client:name", name);
        }
        if (type != null) {
            new Select(b.byId("client:type")).selectByValue(type);
            // the methods offered follow the type (an ajax update): wait for them
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> new Select(d.findElement(org.openqa.selenium.By.id("client:authMethod"))).getOptions().size()
                            == ("PUBLIC".equals(type) ? 1 : 2));
        }
        if (authMethod != null) {
            new Select(b.byId("client:authMethod")).selectByValue(authMethod);
        }
        if (redirectUris != null) {
            b.type("client:redirectUris", redirectUris);
        }
        if (allowed != null) {
            check(b, "client:allowedScopes", allowed);
        }
        if (defaults != null) {
            check(b, "client:defaultScopes", defaults);
        }
    }

    /** Ticks exactly the given boxes of a selectManyCheckbox. */
    static void check(Browser b, String name, List<String> values) {
        for (WebElement box : b.driver().findElements(By.name(name))) {
            boolean wanted = values.contains(box.getDomAttribute("value"));
            if (box.isSelected() != wanted) {
                // The keyboard, as a keyboard user ticks a box: headless Chromium 150 drops some
                // mouse clicks on the last box of a list (the click reaches the box, the tick does not stay).
                box.sendKeys(org.openqa.selenium.Keys.SPACE);
                new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> box.isSelected() == wanted);
            }
        }
    }

    /** Registers a confidential client; returns the secret shown once. */
    static String createClient(Browser b, String clientId, String name, String redirectUri, List<String> scopes) {
        b.open("/admin/client");
        fillClient(b, clientId, name, "CONFIDENTIAL", "CLIENT_SECRET_BASIC", redirectUri, scopes, List.of());
        b.click("client:save");
        return b.textOf("secret-value").trim();
    }

    /** The page's global messages, waiting for them to appear (the page may still be loading). */
    static String messages(Browser b) {
        return textOf(b, "messages");
    }

    /** The messages of one field, waiting for them to appear; empty if none came. */
    static String fieldMessage(Browser b, String id) {
        return textOf(b, id);
    }

    private static String textOf(Browser b, String id) {
        try {
            return new WebDriverWait(b.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        List<WebElement> m = d.findElements(By.id(id));
                        return m.isEmpty() || m.get(0).getText().isBlank() ? null : m.get(0).getText();
                    });
        } catch (TimeoutException e) {
            return "";
        }
    }

    /** The session cookie of a signed-in browser, to make plain HTTP requests as that user. */
    /**
     * The browser's cookies for the server as it sends them: the session id, and the version cookie
     * that Payara's session manager for a distributable WAR reads with it (without it, Payara does
     * not take the id for its session).
     */
    static String sessionCookie(Browser b) {
        org.junit.jupiter.api.Assertions.assertNotNull(b.driver().manage().getCookieNamed("JSESSIONID"), "a session cookie");
        return b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The JOSE header of a JWT. */
    static JsonObject jwtHeader(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(header)).readObject();
    }

    /** Creates an account with the user role; returns its username. */
    static String createAccount(Browser b, String username, String password) {
        b.open("/admin/account");
        b.type("account:username", username).type("account:password", password);
        check(b, "account:roles", List.of("user"));
        b.click("account:save");
        b.waitForUrl(Http.base() + "/admin/account?id=");
        return username;
    }

    /**
     * The front channel in a fresh browser (authorize, sign in, consent if asked), then the code
     * exchanged with HTTP Basic; returns the token response.
     */
    static JsonObject tokens(String clientId, String secret, String redirectUri, String username, String password, String scope) {
        OAuthFlow pkce = new OAuthFlow();
        String state = unique("st");
        try (Browser user = new Browser()) {
            user.open("/oauth2/authorize?" + Http.form(Http.map("response_type", "code", "client_id", clientId,
                    "redirect_uri", redirectUri, "scope", scope, "state", state,
                    "code_challenge", pkce.challenge, "code_challenge_method", "S256")));
            user.waitForUrl(Http.base() + "/login");
            user.signIn(username, password);
            new org.openqa.selenium.support.ui.WebDriverWait(user.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(redirectUri) || d.getCurrentUrl().startsWith(Http.base() + "/consent"));
            if (user.url().startsWith(Http.base() + "/consent")) {
                user.click("allow");
                user.waitForUrl(redirectUri);
            }
            java.util.Map<String, String> q = Http.query(user.url());
            if (!state.equals(q.get("state")) || q.get("code") == null) {
                throw new AssertionError("no code for our state in " + user.url());
            }
            var response = OAuthFlow.exchange(Http.map("grant_type", "authorization_code", "code", q.get("code"),
                    "redirect_uri", redirectUri, "code_verifier", pkce.verifier), clientId, secret);
            if (response.statusCode() != 200) {
                throw new AssertionError("token exchange failed: " + response.statusCode() + " " + response.body());
            }
            return Http.json(response);
        }
    }

    static java.net.http.HttpResponse<String> refresh(String clientId, String secret, String refreshToken) {
        return OAuthFlow.exchange(Http.map("grant_type", "refresh_token", "refresh_token", refreshToken), clientId, secret);
    }

    static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
