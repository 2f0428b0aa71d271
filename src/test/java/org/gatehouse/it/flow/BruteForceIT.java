package org.gatehouse.it.flow;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brute force (throttle package): failed sign-ins per username and per client address, failed
 * client authentications per address, the same answers for unknown usernames, 429 with
 * {@code Retry-After}, audited once per block. Each test speaks from its own documentation address
 * (RFC 5737) through the trusted proxy the suite configures, so its blocks touch no other test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BruteForceIT {

    private static final int MAX_FAILURES = 5;
    /** The suite's per-address limits (pom.xml, it.throttle.*; the defaults are 30 and 20). */
    private static final int MAX_ADDRESS_FAILURES = Integer.getInteger("it.throttle.sign-in-per-address", 30);
    private static final int MAX_CLIENT_FAILURES = Integer.getInteger("it.throttle.client-auth-per-address", 20);
    private static final Pattern WAIT = Pattern.compile("Try again in (\\d+) seconds?\\.");

    /** One attempt as the visitor sees it: the status and what the page says. */
    private record Answer(int status, String says, String retryAfter) {
    }

    @Test
    void aUsernameIsLockedAfterRepeatedFailuresAndAnUnknownOneGetsTheSameAnswers() throws Exception {
        List<Answer> known = guessUntilLocked("frank", "198.51.100.11");
        List<Answer> unknown = guessUntilLocked("nobody-" + UUID.randomUUID(), "198.51.100.12");
        assertEquals(known, unknown, "an unknown username must be answered exactly like a known one");

        // Locked: even the right password is refused, before it is checked, with a time to come back.
        OAuthFlow flow = new OAuthFlow().from("198.51.100.13");
        HttpResponse<String> r = flow.signIn(flow.get("/login"), "frank", "frank-password-1");
        assertEquals(429, r.statusCode(), r.body());
        assertTrue(r.body().contains("Too many failed sign-ins. Try again in 15 minutes"), r.body());
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertFalse(r.headers().firstValue("Location").isPresent(), "no sign-in while locked");

        assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'SIGN_IN_THROTTLED' and subject = 'frank'"));
        assertEquals(MAX_FAILURES, Db.count("select count(*) from audit_event where event_type = 'SIGN_IN_FAILED' and subject = 'frank'"),
                "refused attempts write nothing");
    }

    @Test
    void anAddressIsBlockedAfterManyFailedSignInsWhateverTheUsernames() {
        String address = "198.51.100.21";
        for (int i = 0; i < MAX_ADDRESS_FAILURES; i++) {
            OAuthFlow flow = new OAuthFlow().from(address);
            HttpResponse<String> r = flow.signIn(flow.get("/login"), "spray-" + i + "-" + UUID.randomUUID(), "Password1!");
            assertEquals(200, r.statusCode(), "attempt " + (i + 1));
            assertEquals(i == MAX_ADDRESS_FAILURES - 1, r.body().contains("Try again in 15 minutes"), "attempt " + (i + 1));
        }
        OAuthFlow blocked = new OAuthFlow().from(address);
        HttpResponse<String> r = blocked.signIn(blocked.get("/login"), "alice", "alice-password-1");
        assertEquals(429, r.statusCode(), "the right password from a blocked address is refused too");
        assertTrue(r.headers().firstValue("Retry-After").isPresent());

        OAuthFlow elsewhere = new OAuthFlow().from("198.51.100.22");
        HttpResponse<String> ok = elsewhere.signIn(elsewhere.get("/login"), "alice", "alice-password-1");
        assertEquals(302, ok.statusCode(), "another address signs in: " + ok.body());
    }

    @Test
    void failedClientAuthenticationsFromOneAddressGet429WithRetryAfter() {
        String address = "198.51.100.31";
        String[] from = {"X-Forwarded-For", address};
        Map<String, String> form = Http.map("grant_type", "client_credentials", "scope", "reports:read");
        for (int i = 0; i < MAX_CLIENT_FAILURES; i++) {
            HttpResponse<String> r = Http.postForm("/oauth2/token", form, "Authorization",
                    Http.basic(OAuthFlow.SERVICE, "wrong-secret-" + i), from[0], from[1]);
            assertEquals(401, r.statusCode(), r.body());
            assertEquals("invalid_client", Http.json(r).getString("error"));
        }
        for (String path : List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke")) {
            HttpResponse<String> r = Http.postForm(path, path.endsWith("token") ? form : Http.map("token", "x"),
                    "Authorization", Http.basic(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET), from[0], from[1]);
            assertEquals(429, r.statusCode(), path + ": " + r.body());
            assertEquals("temporarily_unavailable", Http.json(r).getString("error"));
            long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        }
        HttpResponse<String> other = Http.postForm("/oauth2/token", form, "Authorization",
                Http.basic(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET), "X-Forwarded-For", "198.51.100.32");
        assertEquals(200, other.statusCode(), other.body());
        assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'CLIENT_AUTH_THROTTLED' and subject = ?", address));
    }

    @Test
    void forwardingHeadersFromAnUntrustedChainAreNotBelieved() {
        // The peer (loopback) is trusted, the hop before it is not: the client is the right-most untrusted hop.
        String spoofed = "198.51.100.41";
        String real = "198.51.100.42";
        for (int i = 0; i < 2; i++) {
            OAuthFlow flow = new OAuthFlow().from(spoofed + ", " + real);
            flow.signIn(flow.get("/login"), "erin", "wrong-password-" + i);
        }
        assertEquals(2, Db.count("select count(*) from audit_event where event_type = 'SIGN_IN_FAILED' and remote_address = ?", real));
        assertEquals(0, Db.count("select count(*) from audit_event where remote_address = ?", spoofed));
        OAuthFlow flow = new OAuthFlow().from("198.51.100.43");
        awaitUnblocked(flow, "erin", "erin-password-1");
    }

    @Test
    void anAdministratorSeesTheBlockAndLiftsIt() throws Exception {
        String user = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser admin = new Browser()) {
            admin.open("/admin/");
            admin.waitForUrl(Http.base() + "/login");
            admin.signIn("admin", System.getProperty("it.admin.password"));
            admin.waitForUrl(Http.base() + "/admin");
            admin.open("/admin/account");
            admin.type("account:username", user).type("account:password", "Throttled-password-1");
            admin.driver().findElements(By.name("account:roles")).stream()
                    .filter(box -> "user".equals(box.getDomAttribute("value")) && !box.isSelected())
                    .forEach(box -> box.sendKeys(org.openqa.selenium.Keys.SPACE));
            admin.click("account:save");
            admin.waitForUrl(Http.base() + "/admin/account?id=");
            String accountPage = admin.url();

            guessUntilLocked(user, "198.51.100.51");

            admin.open("/admin/accounts");
            admin.waitForPageText(user);
            assertTrue(admin.textOf("throttled").contains("198.51.100.51"), "the address is listed: " + admin.textOf("throttled"));
            admin.open(accountPage);
            assertTrue(admin.waitForText("throttle-state", "Sign-in is blocked until").contains("5 failed sign-ins"),
                    admin.textOf("throttle-state"));
            admin.click("throttle:clear-throttle");
            admin.waitForText("messages", "The sign-in block was lifted.");
            assertTrue(admin.driver().findElements(By.id("throttle-state")).isEmpty(), "nothing counted any more");
        }
        assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'THROTTLE_CLEARED' and subject = ?", user));
        OAuthFlow flow = new OAuthFlow().from("198.51.100.51");
        awaitUnblocked(flow, user, "Throttled-password-1");
    }

    /**
     * Wrong passwords until the username is locked for the lockout, waiting out each growing delay
     * as the page tells (the delay is the behaviour under test); the answers of checked attempts.
     */
    private static List<Answer> guessUntilLocked(String username, String address) throws InterruptedException {
        List<Answer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 4 * MAX_FAILURES && answers.size() < MAX_FAILURES; attempt++) {
            OAuthFlow flow = new OAuthFlow().from(address);
            HttpResponse<String> r = flow.signIn(flow.get("/login"), username, "wrong-password-" + attempt);
            if (r.statusCode() == 429) { // refused unchecked: too early
                assertTrue(r.body().contains("Too many failed sign-ins. Try again in"), r.body());
                Thread.sleep(1000 * Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()));
                continue;
            }
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("Wrong username or password."), r.body());
            Matcher wait = WAIT.matcher(r.body());
            String says = r.body().contains("Try again in 15 minutes") ? "locked" : wait.find() ? "wait " + wait.group(1) : "wrong";
            answers.add(new Answer(r.statusCode(), says, r.headers().firstValue("Retry-After").orElse(null)));
            if (says.startsWith("wait ")) {
                Thread.sleep(1000 * Long.parseLong(wait.group(1)));
            }
        }
        assertEquals(List.of("wrong", "wait 1", "wait 2", "wait 4", "locked"), answers.stream().map(Answer::says).toList(),
                "growing delays, then the lockout at the fifth failure");
        return answers;
    }

    /**
     * A cleared block is gone from every node's memory within a second (the heartbeat reloads the
     * blocks; one that loaded just before the clear committed still holds it until the next beat).
     * So this polls for up to 5 s instead of trusting the Retry-After of the old block (15 minutes).
     */
    private static void awaitUnblocked(OAuthFlow flow, String username, String password) {
        HttpResponse<String> r = flow.signIn(flow.get("/login"), username, password);
        for (int i = 0; i < 25 && r.statusCode() == 429; i++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            r = flow.signIn(flow.get("/login"), username, password);
        }
        assertEquals(302, r.statusCode(), "still blocked 5 s after the clear: " + r.body());
    }
}
