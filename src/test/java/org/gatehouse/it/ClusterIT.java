package org.gatehouse.it;

import jakarta.json.JsonObject;
import org.gatehouse.it.RoundRobinProxy.Hop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;

import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL;
import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL_SECRET;
import static org.gatehouse.it.OAuthFlow.REDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two Payara Micro nodes on loopback, one Hazelcast data grid (TCP/IP discovery), one PostgreSQL
 * database, and in front of them {@link RoundRobinProxy}: a load balancer with NO session
 * affinity, so each step of a flow lands on the other node (README, "Clustering"). The browser's
 * HTTP session (sign-in, Faces view state) lives in the data grid through Payara's web session
 * persistence ({@code <distributable/>} in web.xml); revocations and key rotations reach the other
 * node through the shared database (docs/architecture.md, "Caches and how a change reaches every
 * node"). The last test kills one node: the other carries on with the same sessions.
 *
 * <p>PostgreSQL only (the PostgreSQL pass, {@code -Pit-postgresql}): it needs its own empty
 * database, {@code it.cluster.db.jdbc}, which {@code .ci/postgresql.sh} creates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** A change must reach the other node within about a second (the heartbeat); generous for a loaded CI machine. */
    private static final Duration PROPAGATION = Duration.ofSeconds(5);
    private static final String ADMIN_PASSWORD = "Cluster-admin-password-1";

    private final RoundRobinProxy proxy;
    private final List<PayaraProcess> nodes = new ArrayList<>();
    private String[] bases;
    private Path work;

    ClusterIT() throws Exception {
        proxy = new RoundRobinProxy();
    }

    @BeforeAll
    void twoNodesOneGridOneDatabase() throws Exception {
        String db = System.getProperty("it.cluster.db.jdbc", "");
        assertTrue(db.startsWith("jdbc:postgresql:"), "ClusterIT needs the PostgreSQL pass (it.cluster.db.jdbc)");
        emptyDatabase();
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath().resolveSibling("cluster-it");
        PayaraProcess.deleteTree(work);
        Files.createDirectories(work);

        int[] http = {PayaraProcess.freePort(), PayaraProcess.freePort()};
        int[] grid = {PayaraProcess.freePort(), PayaraProcess.freePort()};
        String members = "127.0.0.1:" + grid[0] + ",127.0.0.1:" + grid[1];
        String clusterName = "gatehouse-it-" + UUID.randomUUID().toString().substring(0, 8); // joins nobody else's grid
        bases = new String[]{"http://localhost:" + http[0], "http://localhost:" + http[1]};
        proxy.nodes(bases);
        String kek = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes(StandardCharsets.US_ASCII));
        for (int n = 0; n < 2; n++) {
            Map<String, String> props = new HashMap<>(Map.of(
                    "gatehouse.issuer", proxy.base(), // every node, the load balancer's address
                    "gatehouse.db.url", db,
                    "gatehouse.db.user", System.getProperty("it.db.user"),
                    "gatehouse.db.password", System.getProperty("it.db.password"),
                    "gatehouse.db.datasource-class", "org.postgresql.ds.PGSimpleDataSource",
                    "gatehouse.keys.encryption-key", kek,
                    "gatehouse.admin.password", ADMIN_PASSWORD,
                    "gatehouse.data-dir", work.resolve("data-" + n).toString(),
                    "hazelcast.socket.bind.any", "false"));
            if (n == 0) {
                props.put("gatehouse.import", System.getProperty("it.import.file")); // the first node alone sets up
            }
            // started one after the other: the first migrates the schema and creates the key and the admin
            nodes.add(PayaraProcess.start(work, "node-" + n, http[n], props, Map.of(), List.of(
                    "--clustermode", "tcpip:" + members, "--startport", String.valueOf(grid[n]),
                    "--clustername", clusterName, "--interfaces", "127.0.0.1", "--name", "node-" + n)));
        }
        for (String base : bases) {
            assertTrue(Eventually.within(Duration.ofSeconds(60), () -> Http.get(base + "/health/ready").statusCode() == 200),
                    base + " ready");
        }
        proxy.clearHops();
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (PayaraProcess node : nodes) {
            node.close();
        }
        proxy.close();
    }

    @Test
    @Order(1)
    void everyStepOfABrowserFlowLandsOnTheOtherNode() {
        OAuthFlow pkce = new OAuthFlow(proxy.base());
        try (Browser browser = new Browser()) {
            proxy.clearHops();
            browser.open(proxy.base() + "/oauth2/authorize?" + Http.form(pkce.request(CONFIDENTIAL, "profile notes:read", "cluster")));
            browser.waitForUrl(proxy.base() + "/login");
            browser.waitForPageText("IT Confidential Client");
            browser.signIn("bob", "bob-password-1");
            browser.waitForUrl(proxy.base() + "/consent");
            assertTrue(browser.text().contains("IT Confidential Client wants to access your account"), browser.text());
            browser.click("allow");
            browser.waitForUrl(REDIRECT);
            Map<String, String> q = Http.query(browser.url());
            assertEquals("cluster", q.get("state"));
            assertEquals(proxy.base(), q.get("iss"), "one issuer: the load balancer's");

            List<Hop> steps = proxy.steps();
            assertAlternates(steps);
            assertServedBoth(steps, "POST", "/login");
            assertTrue(steps.stream().anyMatch(h -> h.method().equals("POST") && h.path().equals("/consent") && h.status() / 100 == 3),
                    "the consent form was answered by a node (not refused as an expired view): " + steps);
            assertTrue(proxy.hops().stream().anyMatch(h -> h.node() == 0) && proxy.hops().stream().anyMatch(h -> h.node() == 1));

            // the back channel alternates too: the code is redeemed on one node, the token used on both
            JsonObject tokens = Http.json(token(proxy.base(), Http.map("grant_type", "authorization_code", "code", q.get("code"),
                    "redirect_uri", REDIRECT, "code_verifier", pkce.verifier)));
            String access = tokens.getString("access_token");
            for (String base : bases) {
                HttpResponse<String> me = Http.get(base + "/api/me", "Authorization", "Bearer " + access);
                assertEquals(200, me.statusCode(), base + ": " + me.body());
                assertEquals("bob", Http.json(me).getString("username"));
            }

            // the signed-in session is the same on both nodes: the front page, four times, two per node
            proxy.clearHops();
            for (int i = 0; i < 4; i++) {
                browser.open(proxy.base() + "/");
                browser.waitForPageText("Signed in as bob");
            }
            assertAlternates(proxy.steps());
        }
    }

    @Test
    @Order(2)
    void aSignOutOnOneNodeEndsTheSessionOnBoth() {
        try (Browser browser = new Browser()) {
            browser.open(proxy.base() + "/admin/");
            browser.waitForUrl(proxy.base() + "/login");
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitForUrl(proxy.base() + "/admin");
            Set<Cookie> session = browser.driver().manage().getCookies(); // the session id and Payara's version cookie
            assertTrue(session.stream().anyMatch(c -> c.getName().equals("JSESSIONID")), "a session cookie: " + session);
            for (String base : bases) {
                assertEquals(200, withSession(base, session).statusCode(), "the session is signed in on " + base);
            }
            proxy.clearHops();
            browser.click("signout:signout-button");
            browser.waitForPageText("Sign in");
            int signedOutOn = proxy.steps().get(0).node();
            // the old cookies, replayed: refused at once where the sign-out happened; the other node may
            // still hold a copy of the session, which stops acting once the sign-out reaches it (EndedSessions)
            assertEquals(302, withSession(bases[signedOutOn], session).statusCode(), "refused at once on the signing-out node");
            long started = System.nanoTime();
            assertTrue(Eventually.within(PROPAGATION, () -> withSession(bases[1 - signedOutOn], session).statusCode() == 302),
                    "the other node refuses the signed-out session");
            System.out.printf("ClusterIT: sign-out on node %d enforced on node %d after %d ms%n", signedOutOn, 1 - signedOutOn,
                    (System.nanoTime() - started) / 1_000_000);
            for (String base : bases) {
                HttpResponse<String> replay = withSession(base, session);
                assertEquals(302, replay.statusCode(), base + " accepts the signed-out session again");
                assertTrue(OAuthFlow.location(replay, base).startsWith(base + "/login"), replay.headers().toString());
            }
        }
    }

    @Test
    @Order(3)
    void aRevocationOnOneNodeIsEnforcedByTheOtherWithinASecond() {
        JsonObject tokens = codeFlowTokens("dave", "dave-password-1");
        String access = tokens.getString("access_token");
        assertEquals(200, me(bases[1], access), "node 1 accepts the token (and has it in its caches)");

        HttpResponse<String> revoke = Http.postForm(bases[0] + "/oauth2/revoke", Http.map("token", tokens.getString("refresh_token")),
                "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET));
        assertEquals(200, revoke.statusCode(), revoke.body());
        assertEquals(401, me(bases[0], access), "the revoking node refuses the grant's access token at once");
        long started = System.nanoTime();
        assertTrue(Eventually.within(PROPAGATION, () -> me(bases[1], access) == 401), "node 1 learns of the revocation");
        System.out.printf("ClusterIT: revocation on node 0 enforced on node 1 after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        HttpResponse<String> refresh = token(bases[1], Http.map("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token")));
        assertEquals(400, refresh.statusCode());
        assertEquals("invalid_grant", Http.json(refresh).getString("error"));
    }

    @Test
    @Order(4)
    void aKeyRotatedInTheConsoleSignsTokensBothNodesVerify() throws Exception {
        String before = codeFlowTokens("erin", "erin-password-1").getString("access_token");
        String oldKid = kid(before);
        assertEquals(200, me(bases[1], before));
        try (Browser admin = new Browser()) {
            // the console's Faces views and PrimeFaces requests alternate between the nodes as well
            admin.open(proxy.base() + "/admin/keys");
            admin.waitForUrl(proxy.base() + "/login");
            admin.signIn("admin", ADMIN_PASSWORD);
            admin.waitForUrl(proxy.base() + "/admin/keys");
            admin.click("keys:ask-rotate");
            admin.textOf("keys:confirm");
            admin.click("keys:rotate");
            admin.find(By.cssSelector("#messages .info"));
        }
        String newKid = activeKid();
        assertNotEquals(oldKid, newKid);
        for (int n = 0; n < 2; n++) {
            String after = codeFlowTokens(bases[n], "erin", "erin-password-1").getString("access_token"); // signed by node n
            assertEquals(newKid, kid(after), "node " + n + " signs with the new key");
            assertEquals(200, me(bases[1 - n], after), "node " + (1 - n) + " verifies a token of the new key signed by node " + n);
            assertEquals(200, me(bases[1 - n], before), "and still one signed by the previous key");
            assertTrue(Http.get(bases[1 - n] + "/oauth2/jwks").body().contains(newKid));
        }
    }

    @Test
    @Order(5)
    void whenANodeDiesMidFlowTheOtherCarriesOnWithTheSameSession() throws Exception {
        OAuthFlow pkce = new OAuthFlow(proxy.base());
        try (Browser browser = new Browser()) {
            browser.open(proxy.base() + "/oauth2/authorize?" + Http.form(pkce.request(CONFIDENTIAL, "profile", "survive")));
            browser.waitForUrl(proxy.base() + "/login");
            browser.signIn("frank", "frank-password-1");
            browser.waitForUrl(proxy.base() + "/consent");
            String refresh = codeFlowTokens("judy", "judy-password-1").getString("refresh_token");

            nodes.get(0).kill(); // kill -9: no shutdown, nothing handed over
            proxy.clearHops();

            browser.click("allow"); // the consent page's view state was made on a node that may be gone
            browser.waitForUrl(REDIRECT);
            Map<String, String> q = Http.query(browser.url());
            assertEquals("survive", q.get("state"));
            assertTrue(proxy.steps().stream().allMatch(h -> h.node() == 1), "only the survivor answered: " + proxy.steps());
            JsonObject tokens = Http.json(token(proxy.base(), Http.map("grant_type", "authorization_code", "code", q.get("code"),
                    "redirect_uri", REDIRECT, "code_verifier", pkce.verifier)));
            assertEquals(200, me(proxy.base(), tokens.getString("access_token")));

            browser.open(proxy.base() + "/");
            browser.waitForPageText("Signed in as frank"); // still signed in, no new sign-in

            HttpResponse<String> rotated = token(proxy.base(), Http.map("grant_type", "refresh_token", "refresh_token", refresh));
            assertEquals(200, rotated.statusCode(), "a refresh token issued before the loss rotates on the survivor: " + rotated.body());
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private JsonObject codeFlowTokens(String username, String password) {
        return codeFlowTokens(proxy.base(), username, password);
    }

    /**
     * The front channel through the proxy (a node sends browsers to the issuer, the proxy), then the
     * code redeemed at {@code base}: the proxy, or one node.
     */
    private JsonObject codeFlowTokens(String base, String username, String password) {
        OAuthFlow flow = new OAuthFlow(proxy.base());
        String redirect = flow.authorizeAndApprove(flow.request(CONFIDENTIAL, "profile", "s"), username, password);
        HttpResponse<String> token = token(base, Http.map("grant_type", "authorization_code", "code", Http.query(redirect).get("code"),
                "redirect_uri", REDIRECT, "code_verifier", flow.verifier));
        assertEquals(200, token.statusCode(), token.body());
        return Http.json(token);
    }

    private static HttpResponse<String> token(String base, Map<String, String> form) {
        return Http.postForm(base + "/oauth2/token", form, "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET));
    }

    private static int me(String base, String access) {
        return Http.get(base + "/api/me", "Authorization", "Bearer " + access).statusCode();
    }

    private static HttpResponse<String> withSession(String base, Set<Cookie> session) {
        return Http.get(base + "/admin/", "Cookie",
                session.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(header)).readObject().getString("kid");
    }

    /** Each step went to the other node than the step before it. */
    private static void assertAlternates(List<Hop> steps) {
        assertTrue(steps.size() >= 2, "steps: " + steps);
        for (int i = 1; i < steps.size(); i++) {
            assertNotEquals(steps.get(i - 1).node(), steps.get(i).node(), "steps " + (i - 1) + " and " + i + " on one node: " + steps);
        }
        assertTrue(steps.stream().noneMatch(h -> h.status() >= 500), "no node failed a step: " + steps);
    }

    /** The page at {@code path} was shown by one node and its form answered by the other. */
    private static void assertServedBoth(List<Hop> steps, String method, String path) {
        for (int i = 1; i < steps.size(); i++) {
            Hop answer = steps.get(i);
            if (answer.method().equals(method) && answer.path().equals(path)) {
                Hop page = steps.get(i - 1);
                assertEquals(path, page.path(), "the step before the post showed its form: " + steps);
                assertNotEquals(page.node(), answer.node());
                return;
            }
        }
        fail("no " + method + " " + path + " in " + steps);
    }

    private String activeKid() throws Exception {
        try (Connection c = cluster(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select kid from signing_key where status = 'ACTIVE'")) {
            assertTrue(r.next());
            return r.getString(1);
        }
    }

    /** The cluster's database starts empty: the first node creates the schema. */
    private void emptyDatabase() throws Exception {
        try (Connection c = cluster(); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }

    private static Connection cluster() throws Exception {
        return DriverManager.getConnection(System.getProperty("it.cluster.db.jdbc"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }
}
