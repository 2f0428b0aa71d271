package org.gatehouse.it;

import jakarta.json.JsonObject;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The database goes away under a running server and comes back (issue 9, "Database
 * unavailable"). The database is an H2 TCP server inside this test JVM (loopback only), so the
 * test can take it away and give it back while its own Payara Micro keeps running:
 * <ul>
 *   <li>while it is away: token, introspection and revocation answer 503
 *       {@code temporarily_unavailable} with {@code Retry-After}; browser pages answer a 503 page
 *       saying to try again shortly; readiness is DOWN within seconds; the API keeps answering
 *       a token it can verify from memory;</li>
 *   <li>once it is back: readiness UP and a token grant works, without restarting the server.</li>
 * </ul>
 * H2 only: the PostgreSQL pass excludes it like {@code RestartIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    private static final Duration DOWN_WITHIN = Duration.ofSeconds(10);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    private Path work;
    private Path dbDir;
    private int dbPort;
    private Server db;
    private PayaraProcess server;

    @BeforeAll
    void databaseAndServer() throws Exception {
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath().resolveSibling("outage-it");
        PayaraProcess.deleteTree(work);
        dbDir = Files.createDirectories(work.resolve("db"));
        dbPort = PayaraProcess.freePort();
        db = startDatabase();
        int port = Integer.getInteger("it.outage.port", Integer.getInteger("it.http.port", 18080) + 14);
        server = PayaraProcess.start(work, "outage", port,
                Map.of("gatehouse.data-dir", Files.createDirectories(work.resolve("data")).toString(),
                        "gatehouse.admin.password", "Outage-admin-password-1",
                        "gatehouse.import", System.getProperty("it.import.file"),
                        // A setting the shared suite server must not have (its reuse tests replay at once):
                        // this server also shows the opt-in refresh-token reuse grace.
                        "gatehouse.token.refresh-reuse-grace", "PT60S"),
                Map.of("GATEHOUSE_DB_URL", "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/gatehouse"));
        await("ready", DOWN_WITHIN.plus(PayaraProcess.BOOT_TIMEOUT), () -> Http.get(server.base() + "/health/ready"), r -> r.statusCode() == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.stop();
        }
    }

    @Test
    void anOutageIsAnswered503AndHealsWithoutARestart() throws Exception {
        String base = server.base();
        OAuthFlow flow = new OAuthFlow(base);
        String code = Http.query(flow.authorizeAndApprove(flow.request(OAuthFlow.CONFIDENTIAL, "profile", "s"), "alice", "alice-password-1")).get("code");
        JsonObject tokens = Http.json(ok(Http.postForm(base + "/oauth2/token", Http.map("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuthFlow.REDIRECT, "code_verifier", flow.verifier), "Authorization", Http.basic(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET))));
        String access = tokens.getString("access_token");
        String refresh = tokens.getString("refresh_token");
        assertEquals(200, me(access).statusCode(), "the API answers before the outage");
        // A parked authorization request: its login page reads it from the database.
        HttpResponse<String> parked = new OAuthFlow(base).authorize(flow.request(OAuthFlow.CONFIDENTIAL, "profile", "p"));
        String loginPage = OAuthFlow.location(parked, base);
        assertTrue(loginPage.contains("/login"), loginPage);

        db.stop();

        long t0 = System.nanoTime();
        HttpResponse<String> down = await("readiness DOWN", DOWN_WITHIN, () -> Http.get(base + "/health/ready"), r -> r.statusCode() == 503);
        assertTrue(down.body().contains("DOWN"), down.body());
        System.out.printf("readiness DOWN %d ms after the database went away%n", (System.nanoTime() - t0) / 1_000_000);

        assertUnavailable(Http.postForm(base + "/oauth2/token", Http.map("grant_type", "refresh_token", "refresh_token", refresh),
                "Authorization", Http.basic(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET)), "token");
        assertUnavailable(Http.postForm(base + "/oauth2/introspect", Http.map("token", refresh),
                "Authorization", Http.basic(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET)), "introspect");
        assertUnavailable(Http.postForm(base + "/oauth2/revoke", Http.map("token", refresh),
                "Authorization", Http.basic(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET)), "revoke");

        String html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assertUnavailablePage(Http.get(loginPage, "Accept", html), "login page");
        assertUnavailablePage(Http.get(base + "/oauth2/authorize?" + Http.form(flow.request("never-seen-" + UUID.randomUUID(), "profile", "x")),
                "Accept", html), "authorization endpoint");

        HttpResponse<String> me = me(access);
        assertEquals(200, me.statusCode(), "the API verifies the token and knows the account from memory: " + me.body());

        db = startDatabase();

        await("readiness UP", BACK_WITHIN, () -> Http.get(base + "/health/ready"), r -> r.statusCode() == 200);
        JsonObject rotated = Http.json(ok(Http.postForm(base + "/oauth2/token", Http.map("grant_type", "refresh_token", "refresh_token", refresh),
                "Authorization", Http.basic(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET))));
        assertTrue(rotated.containsKey("access_token"), rotated.toString());
        assertEquals(200, me(rotated.getString("access_token")).statusCode());
        assertEquals(200, Http.get(loginPage, "Accept", html).statusCode(), "the login page reads its parked request again");
        assertTrue(server.isAlive(), "healed without a restart");
    }

    /**
     * The opt-in reuse grace (config.TokenSettings#refreshReuseGrace): a refresh whose response was
     * lost is retried with the token just rotated out and served, the lost token dies; once the
     * new token has been used, presenting the old one again is a reuse and revokes the family.
     */
    @Test
    void aRefreshRetriedAfterALostResponseIsServedWithinTheGrace() throws Exception {
        String base = server.base();
        OAuthFlow flow = new OAuthFlow(base);
        String code = Http.query(flow.authorizeAndApprove(flow.request(OAuthFlow.CONFIDENTIAL, "profile", "g"), "alice", "alice-password-1")).get("code");
        String basic = Http.basic(OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET);
        String r0 = Http.json(ok(Http.postForm(base + "/oauth2/token", Http.map("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuthFlow.REDIRECT, "code_verifier", flow.verifier), "Authorization", basic))).getString("refresh_token");
        java.util.function.Function<String, HttpResponse<String>> refresh = t -> Http.postForm(base + "/oauth2/token",
                Http.map("grant_type", "refresh_token", "refresh_token", t), "Authorization", basic);

        String lost = Http.json(ok(refresh.apply(r0))).getString("refresh_token");   // the client never saw this answer
        JsonObject retried = Http.json(ok(refresh.apply(r0)));                          // so it retries with r0
        String r2 = retried.getString("refresh_token");
        assertTrue(!r2.equals(lost), "a new pair, not the lost one again");
        assertEquals(200, me(retried.getString("access_token")).statusCode());

        HttpResponse<String> lostOne = refresh.apply(lost);
        assertEquals(400, lostOne.statusCode(), "the lost token is dead: " + lostOne.body());
        String r3 = Http.json(ok(refresh.apply(r2))).getString("refresh_token");   // the client carries on

        HttpResponse<String> replay = refresh.apply(r0);   // r0's successor has been used: a reuse after all
        assertEquals(400, replay.statusCode(), replay.body());
        assertEquals("invalid_grant", Http.json(replay).getString("error"));
        assertEquals(400, refresh.apply(r3).statusCode(), "the reuse revoked the family");
    }

    private static void assertUnavailable(HttpResponse<String> response, String endpoint) {
        assertEquals(503, response.statusCode(), endpoint + ": " + response.body());
        assertEquals("temporarily_unavailable", Http.json(response).getString("error"), endpoint);
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), endpoint + " says when to retry");
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null), endpoint);
    }

    private static void assertUnavailablePage(HttpResponse<String> response, String page) {
        assertEquals(503, response.statusCode(), page + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
        assertTrue(response.body().contains("try again shortly"), page + ": " + response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), page + " says when to retry");
        assertTrue(!response.body().contains("Exception") && !response.body().contains("org.h2"), page + " shows nothing internal");
    }

    private HttpResponse<String> me(String access) {
        return Http.get(server.base() + "/api/me", "Authorization", "Bearer " + access);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** The H2 TCP server, on loopback (the failsafe JVM sets h2.bindAddress), refusing other hosts. */
    private Server startDatabase() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return Server.createTcpServer("-tcp", "-tcpPort", String.valueOf(dbPort), "-ifNotExists",
                        "-baseDir", dbDir.toString()).start();
            } catch (SQLException portStillClosing) {
                if (System.nanoTime() > deadline) {
                    throw portStillClosing;
                }
                Thread.sleep(100);
            }
        }
    }

    private static <T> T await(String what, Duration within, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // e.g. a connection refused while the listener restarts
            }
            Thread.sleep(100);
        }
        fail(what + " not reached within " + within + "; last: " + (last instanceof HttpResponse<?> r ? r.statusCode() + " " + r.body() : last));
        return null;
    }
}
