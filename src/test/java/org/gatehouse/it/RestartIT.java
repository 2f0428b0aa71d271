package org.gatehouse.it;

import jakarta.json.JsonObject;
import org.gatehouse.config.PasswordSettings;
import org.gatehouse.platform.Secrets;
import org.gatehouse.user.PasswordHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default across restarts, with real Payara Micro processes of its own (not the
 * Arquillian suite's server, see {@link PayaraProcess}): sequential boots on one fresh H2 data
 * directory.
 * <ol>
 *   <li>first boot without an admin password: the generated password is logged exactly once,
 *       only its Argon2id hash is stored, and the import file is applied;</li>
 *   <li>restart with an edited import file: nothing is lost or duplicated (one admin, no second
 *       password line, same signing key), unchanged entries are untouched, edited ones updated;</li>
 *   <li>restart with the same file: it is not applied again; an administrator disables an
 *       account in the console; then refresh tokens are rotated concurrently and the server's
 *       java process is killed ({@code kill -9}) in the middle of it;</li>
 *   <li>restart on the same data, same file: every refresh token answered 200 before the kill is
 *       there and works, each one it replaced does not; keys and clients are intact; the
 *       administrator's change survived (the unchanged file did not undo it);</li>
 *   <li>restart with a file that disables an account: its grants are revoked;</li>
 *   <li>restart with a malformed import file: readiness is DOWN naming the bad entry, and nothing
 *       of that file was written, not even its valid entries.</li>
 * </ol>
 * The H2 file is opened only while no server runs (the server holds its lock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final String S1 = "scopes 1 created, 0 updated, 0 unchanged; clients 2 created, 0 updated, 0 unchanged; accounts 1 created, 0 updated, 0 unchanged";
    private static final String S2 = "scopes 0 created, 0 updated, 1 unchanged; clients 0 created, 1 updated, 1 unchanged; accounts 1 created, 1 updated, 0 unchanged";
    private static final String UNCHANGED_LINE = "unchanged since it was applied";
    /** Refresh-token families rotated at once before the kill, more than the rotating threads. */
    private static final int FAMILIES = 12;
    private static final int THREADS = 4;
    private static final String APP = "restart-app";
    private static final String APP_SECRET = "restart-app-secret-0123456789abcdefghijkl";
    private static final String APP_REDIRECT = "https://app.example.org/cb";
    private static final String PASSWORD_LINE = "Gatehouse bootstrap admin created";
    private static final Pattern PASSWORD = Pattern.compile("bootstrap admin created: username 'admin', password '([^']+)'");

    private Path work;
    private Path dataDir;
    private int port;
    private String adminPassword;
    private String kid;
    private List<Object> staticClientBefore;
    private Long frankId;
    private long erinLiveGrants = -1;
    private List<Family> families;

    @BeforeAll
    void freshDirectories() throws IOException {
        String db = System.getProperty("it.db.jdbc", "jdbc:h2:");
        // Restarts of the embedded default (H2 file); the PostgreSQL pass runs the shared suite only.
        assertTrue(db.startsWith("jdbc:h2:"), "RestartIT covers the embedded H2 default; the PostgreSQL pass excludes it");
        port = Integer.getInteger("it.restart.port", Integer.getInteger("it.http.port", 18080) + 10);
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath().resolveSibling("restart-it");
        PayaraProcess.deleteTree(work);
        dataDir = Files.createDirectories(work.resolve("data"));
    }

    @Test
    @Order(1)
    void firstBootPrintsTheGeneratedAdminPasswordOnceAndImports() throws Exception {
        Path log = boot(1, "restart-import-1.json", server -> {
            assertReady(server);
            kid = jwksKid();
        });

        String text = Files.readString(log);
        assertEquals(1, occurrences(text, PASSWORD_LINE), "the generated password is printed exactly once");
        Matcher m = PASSWORD.matcher(text);
        assertTrue(m.find(), "log must contain the generated admin password");
        adminPassword = m.group(1);
        assertEquals(1, occurrences(text, adminPassword), "the password appears in exactly one place in the log");

        try (Connection c = h2()) {
            assertEquals(1L, count(c, "select count(*) from account where username = 'admin'"));
            String hash = (String) value(c, "select password_hash from account where username = 'admin'");
            assertNotEquals(adminPassword, hash);
            assertTrue(new PasswordHasher(PasswordSettings.defaults()).verify(adminPassword, hash), "the logged password signs the admin in");
            assertFalse(new PasswordHasher(PasswordSettings.defaults()).verify(adminPassword + "x", hash));
            assertTrue(((String) value(c, "select roles from account where username = 'admin'")).contains("admin"));

            assertEquals(1L, count(c, "select count(*) from scope where name = 'restart:read'"));
            assertEquals(2L, count(c, "select count(*) from client where client_id in ('restart-app', 'restart-static')"));
            assertEquals(1L, count(c, "select count(*) from account where username = 'erin'"));
            assertEquals(List.of(S1), importSummaries(c));

            assertEquals(1L, count(c, "select count(*) from signing_key"));
            String storedKid = (String) value(c, "select kid from signing_key where status = 'ACTIVE'");
            if (kid == null) {
                kid = storedKid;
            }
            assertEquals(storedKid, kid, "JWKS serves the stored key");
            staticClientBefore = row(c, "select name, updated_at, version from client where client_id = 'restart-static'");
        }
        assertTrue(Files.exists(dataDir.resolve("key-encryption.key")), "generated key-encryption key is kept in the data dir");
    }

    @Test
    @Order(2)
    void restartKeepsEverythingAndReimportUpdatesOnlyEditedEntries() throws Exception {
        assertNotNull(adminPassword, "needs the first boot");
        Path log = boot(2, "restart-import-2.json", server -> {
            assertReady(server);
            String served = jwksKid();
            if (served != null) {
                assertEquals(kid, served, "the same signing key is served after a restart");
            }
        });

        String text = Files.readString(log);
        assertEquals(0, occurrences(text, PASSWORD_LINE), "no second bootstrap admin on restart");
        assertEquals(0, occurrences(text, adminPassword));

        try (Connection c = h2()) {
            assertEquals(1L, count(c, "select count(*) from account where username = 'admin'"));
            assertTrue(new PasswordHasher(PasswordSettings.defaults()).verify(adminPassword,
                    (String) value(c, "select password_hash from account where username = 'admin'")));
            assertEquals(1L, count(c, "select count(*) from signing_key"));
            assertEquals(kid, value(c, "select kid from signing_key where status = 'ACTIVE'"));

            // Same entries again: no duplicates, and the unchanged ones are not even touched.
            assertEquals(1L, count(c, "select count(*) from scope where name = 'restart:read'"));
            assertEquals(2L, count(c, "select count(*) from client where client_id in ('restart-app', 'restart-static')"));
            assertEquals(1L, count(c, "select count(*) from account where username = 'erin'"));
            assertEquals(staticClientBefore, row(c, "select name, updated_at, version from client where client_id = 'restart-static'"));

            // Edited entries: updated in place.
            assertEquals("Restart App renamed", value(c, "select name from client where client_id = 'restart-app'"));
            assertTrue(((String) value(c, "select redirect_uris from client where client_id = 'restart-app'"))
                    .contains("https://app.example.org/cb2"));
            assertEquals("Erin Renamed", value(c, "select display_name from account where username = 'erin'"));
            assertEquals(List.of(S1, S2), importSummaries(c));
            assertEquals(Boolean.TRUE, value(c, "select enabled from account where username = 'frank'"));
            frankId = ((Number) value(c, "select id from account where username = 'frank'")).longValue();
        }
    }

    @Test
    @Order(3)
    void unchangedImportIsNotReappliedAndAKillDuringRotationsLosesNothingAnswered() throws Exception {
        assertNotNull(frankId, "needs the earlier boots");
        Path log;
        try (PayaraProcess server = start(3, "restart-import-2.json")) {
            assertReady(server.base());
            disableInTheConsole(server.base(), frankId);

            families = new ArrayList<>();
            OAuthFlow erin = new OAuthFlow(server.base());
            for (int i = 0; i < FAMILIES; i++) {
                families.add(new Family(firstRefreshToken(server.base(), erin)));
            }
            rotateUntilKilled(server);
            log = server.log();
        }
        assertEquals(1, occurrences(Files.readString(log), UNCHANGED_LINE), "the unchanged file is not applied again");

        // The data as the killed server left it, read before anything else opens it.
        try (Connection c = h2()) {
            for (Family f : families) {
                assertNotNull(f.replaced, "every family rotated at least once");
                assertEquals(1L, count(c, "select count(*) from refresh_token where token_hash = ?", Secrets.sha256(f.latest)),
                        "a refresh token answered 200 before the kill is in the database");
                assertNotNull(value(c, "select rotated_at from refresh_token where token_hash = ?", Secrets.sha256(f.replaced)),
                        "the token it replaced stays replaced");
            }
            assertEquals(Boolean.FALSE, value(c, "select enabled from account where username = 'frank'"), "the console's change is kept");
            assertEquals(List.of(S1, S2), importSummaries(c));
        }
    }

    @Test
    @Order(4)
    void afterTheKillEveryAnsweredTokenWorksAndTheAdminChangeSurvivesTheUnchangedFile() throws Exception {
        assertNotNull(families, "needs the kill");
        Path log = boot(4, "restart-import-2.json", server -> {
            assertReady(server);
            assertEquals(kid, jwksKid(), "the same signing key after the kill");
            int checked = 0;
            for (Family f : families) {
                if (f.inFlight) {
                    continue; // its last request may or may not have been answered before the kill
                }
                HttpResponse<String> latest = refresh(server, f.latest);
                assertEquals(200, latest.statusCode(), "the last refresh token answered before the kill works: " + latest.body());
                HttpResponse<String> replaced = refresh(server, f.replaced);
                assertEquals(400, replaced.statusCode(), replaced.body());
                assertEquals("invalid_grant", Http.json(replaced).getString("error"), "the token it replaced does not work");
                checked++;
            }
            assertTrue(checked >= FAMILIES - THREADS, "families idle at the kill: " + checked);
            firstRefreshToken(server, new OAuthFlow(server)); // a live grant for the next step
        });
        assertEquals(1, occurrences(Files.readString(log), UNCHANGED_LINE));
        try (Connection c = h2()) {
            assertEquals(Boolean.FALSE, value(c, "select enabled from account where username = 'frank'"),
                    "a restart with the unchanged file keeps what the administrator changed");
            assertEquals(List.of(S1, S2), importSummaries(c));
            assertEquals(2L, count(c, "select count(*) from import_applied"));
            assertEquals(1L, count(c, "select count(*) from signing_key"));
            assertEquals(kid, value(c, "select kid from signing_key where status = 'ACTIVE'"));
            assertEquals(2L, count(c, "select count(*) from client where client_id in ('restart-app', 'restart-static')"));
            erinLiveGrants = count(c, "select count(*) from token_grant g join account a on a.id = g.account_id"
                    + " where a.username = 'erin' and g.revoked_at is null");
            assertTrue(erinLiveGrants > 0, "erin has live grants");
        }
    }

    @Test
    @Order(5)
    void anImportThatDisablesAnAccountRevokesItsGrants() throws Exception {
        assertTrue(erinLiveGrants > 0, "needs the earlier boots");
        boot(5, "restart-import-3.json", RestartIT::assertReady);
        try (Connection c = h2()) {
            assertEquals(Boolean.FALSE, value(c, "select enabled from account where username = 'erin'"));
            assertEquals(0L, count(c, "select count(*) from token_grant g join account a on a.id = g.account_id"
                    + " where a.username = 'erin' and g.revoked_at is null"), "every grant of the disabled account is revoked");
            assertEquals(0L, count(c, "select count(*) from refresh_token r join account a on a.id = r.account_id"
                    + " where a.username = 'erin' and r.revoked_at is null and r.rotated_at is null"));
            assertEquals(Boolean.TRUE, value(c, "select enabled from account where username = 'frank'"),
                    "an edited file is applied whole: its entries are the desired state again");
            assertEquals(List.of(S1, S2, s3()), importSummaries(c));
        }
    }

    private String s3() {
        return "scopes 0 created, 0 updated, 1 unchanged; clients 0 created, 0 updated, 2 unchanged;"
                + " accounts 0 created, 2 updated, 0 unchanged, 1 disabled (" + erinLiveGrants + " grants revoked)";
    }

    @Test
    @Order(6)
    void malformedImportIsRejectedWholeAndReadinessNamesTheEntry() throws Exception {
        assertNotNull(kid, "needs the earlier boots");
        Path log = boot(6, "restart-import-bad.json", server -> {
            HttpResponse<String> ready = Http.get(server + "/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            JsonObject check = Http.json(ready).getJsonArray("checks").getJsonObject(0);
            assertEquals("DOWN", check.getString("status"));
            String problem = check.getJsonObject("data").getString("import");
            assertTrue(problem.startsWith("clients[1].redirectUris[0]:"), problem);
            assertEquals(200, Http.get(server + "/health/live").statusCode(), "alive, just not ready");
        });

        assertEquals(0, occurrences(Files.readString(log), PASSWORD_LINE));
        try (Connection c = h2()) {
            assertEquals(0L, count(c, "select count(*) from scope where name = 'restart:write'"),
                    "the valid scope of the rejected file must not be written");
            assertEquals(0L, count(c, "select count(*) from client where client_id = 'restart-bad'"));
            assertEquals("Restart App renamed", value(c, "select name from client where client_id = 'restart-app'"));
            assertEquals(List.of(S1, S2, s3()), importSummaries(c));
            assertEquals(1L, count(c, "select count(*) from account where username = 'admin'"));
            assertEquals(kid, value(c, "select kid from signing_key where status = 'ACTIVE'"));
        }
    }

    /**
     * Export → import round trip: the console's export of the server these boots built (its
     * scopes, clients and accounts), with a secret added for each confidential client and a
     * password for each account (the export holds neither), boots a fresh server with a new data
     * directory whose own export is the same file.
     */
    @Test
    @Order(7)
    void theConsolesExportImportsIntoAFreshServerAsTheSameConfiguration() throws Exception {
        assertNotNull(adminPassword, "needs the earlier boots");
        JsonObject[] exported = new JsonObject[1];
        boot(7, "restart-import-3.json", server -> exported[0] = export(server, "admin", adminPassword));
        JsonObject source = exported[0];
        assertFalse(source.getJsonArray("clients").isEmpty() || source.getJsonArray("accounts").isEmpty(), source.toString());
        var file = jakarta.json.Json.createObjectBuilder(source);
        var clients = jakarta.json.Json.createArrayBuilder();
        source.getJsonArray("clients").getValuesAs(JsonObject.class).forEach(c -> clients.add("confidential".equals(c.getString("type"))
                ? jakarta.json.Json.createObjectBuilder(c).add("secret", "Round-trip-secret-0123456789abcdefghijklmnop") : jakarta.json.Json.createObjectBuilder(c)));
        var accounts = jakarta.json.Json.createArrayBuilder();
        source.getJsonArray("accounts").getValuesAs(JsonObject.class).forEach(a -> accounts.add(
                jakarta.json.Json.createObjectBuilder(a).add("password", ROUND_TRIP_PASSWORD)));
        Path importFile = work.resolve("round-trip-import.json");
        Files.writeString(importFile, file.add("clients", clients).add("accounts", accounts).build().toString());

        Path fresh = Files.createDirectories(work.resolve("round-trip-data"));
        try (PayaraProcess server = PayaraProcess.start(work, "round-trip", port,
                Map.of("gatehouse.data-dir", fresh.toString(), "gatehouse.import", importFile.toString()), Map.of())) {
            assertReady(server.base());
            JsonObject copy = export(server.base(), "admin", ROUND_TRIP_PASSWORD);
            for (String part : List.of("scopes", "clients", "accounts")) {
                assertEquals(sorted(source, part), sorted(copy, part), part + " survive the round trip unchanged");
            }
            assertFalse(copy.toString().contains("Round-trip-secret") || copy.toString().contains(ROUND_TRIP_PASSWORD),
                    "the copy's export holds no secret either");
        }
    }

    private static final String ROUND_TRIP_PASSWORD = "Round-trip-password-1";

    /** The admin console's export, downloaded by a signed-in administrator. */
    private static JsonObject export(String base, String username, String password) {
        OAuthFlow admin = new OAuthFlow(base);
        HttpResponse<String> signedIn = admin.signIn(admin.get("/login?next=/admin/"), username, password);
        assertEquals(3, signedIn.statusCode() / 100, "signed in on " + base + ": " + signedIn.body());
        HttpResponse<String> r = admin.get("/admin/export");
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** One part of an export as a sorted list of its entries' JSON, so that the order of rows does not matter. */
    private static List<String> sorted(JsonObject export, String part) {
        return export.getJsonArray(part).getValuesAs(JsonObject.class).stream().map(JsonObject::toString).sorted().toList();
    }

    // --- one Payara Micro process ---------------------------------------------------------

    private interface WhileUp {
        void check(String baseUrl) throws Exception;
    }

    /** Boots, runs the checks, and always stops the process. Returns its log. */
    private Path boot(int n, String importResource, WhileUp whileUp) throws Exception {
        try (PayaraProcess server = start(n, importResource)) {
            whileUp.check(server.base());
            return server.log();
        }
    }

    private PayaraProcess start(int n, String importResource) throws Exception {
        Path importFile = work.resolve(importResource);
        try (var in = RestartIT.class.getResourceAsStream("/restart/" + importResource)) {
            assertNotNull(in, importResource);
            Files.write(importFile, in.readAllBytes());
        }
        return PayaraProcess.start(work, "boot-" + n, port,
                Map.of("gatehouse.data-dir", dataDir.toString(), "gatehouse.import", importFile.toString()), Map.of());
    }

    // --- refresh-token families, rotated until the server is killed -----------------------

    /** One grant's refresh-token family as the client saw it: what the server answered last. */
    private static final class Family {
        volatile String latest;
        volatile String replaced;
        /** A request was out when the server died: its answer (and so the family's state) is unknown. */
        volatile boolean inFlight;

        Family(String first) {
            this.latest = first;
        }
    }

    /** Erin signs in (once per browser) and consents (once); the code is exchanged. */
    private static String firstRefreshToken(String base, OAuthFlow erin) {
        Map<String, String> params = erin.request(APP, "profile", "s");
        params.put("redirect_uri", APP_REDIRECT);
        String redirect = erin.authorizeAndApprove(params, "erin", "erin-password-1");
        String code = Http.query(redirect).get("code");
        assertNotNull(code, redirect);
        HttpResponse<String> token = Http.postForm(base + "/oauth2/token", Http.map("grant_type", "authorization_code", "code", code,
                "redirect_uri", APP_REDIRECT, "code_verifier", erin.verifier), "Authorization", Http.basic(APP, APP_SECRET));
        assertEquals(200, token.statusCode(), token.body());
        return Http.json(token).getString("refresh_token");
    }

    private static HttpResponse<String> refresh(String base, String refreshToken) {
        return Http.postForm(base + "/oauth2/token", Http.map("grant_type", "refresh_token", "refresh_token", refreshToken),
                "Authorization", Http.basic(APP, APP_SECRET));
    }

    /**
     * {@value #THREADS} threads rotate the {@value #FAMILIES} families (each takes an idle family,
     * rotates it once, puts it back) until enough rotations were answered; then the server's java
     * process is killed while they are still at it.
     */
    private void rotateUntilKilled(PayaraProcess server) throws Exception {
        BlockingQueue<Family> idle = new LinkedBlockingQueue<>(families);
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<String> unexpected = new AtomicReference<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                while (!killed.get()) {
                    Family f = idle.poll(1, TimeUnit.SECONDS);
                    if (f == null) {
                        continue;
                    }
                    f.inFlight = true;
                    HttpResponse<String> r;
                    try {
                        r = refresh(server.base(), f.latest);
                    } catch (RuntimeException serverGone) {
                        return null; // stays in flight: the server died under this request
                    }
                    if (r.statusCode() != 200) {
                        if (!killed.get()) {
                            unexpected.compareAndSet(null, r.statusCode() + " " + r.body());
                        }
                        return null;
                    }
                    f.replaced = f.latest;
                    f.latest = Http.json(r).getString("refresh_token");
                    f.inFlight = false;
                    answered.incrementAndGet();
                    idle.put(f);
                }
                return null;
            });
        }
        int enough = FAMILIES * 8;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (answered.get() < enough && unexpected.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertNull(unexpected.get(), "every rotation before the kill is answered 200");
        assertTrue(answered.get() >= enough, "rotations answered: " + answered.get());
        server.kill();
        killed.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        System.out.printf("%d rotations answered before kill -9; %d families had a request in flight%n",
                answered.get(), families.stream().filter(f -> f.inFlight).count());
    }

    // --- the admin console, driven over HTTP as a browser would ---------------------------

    /** Signs in as the admin, opens the account's page, unticks "Enabled" and saves. */
    private void disableInTheConsole(String base, long accountId) {
        OAuthFlow admin = new OAuthFlow(base);
        HttpResponse<String> signedIn = admin.signIn(admin.get("/login?next=/admin/"), "admin", adminPassword);
        assertEquals(3, signedIn.statusCode() / 100, "signed in: " + signedIn.body());
        HttpResponse<String> page = admin.get("/admin/account?id=" + accountId);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(checked(page.body(), "account:enabled"), "the account is enabled before");
        List<String[]> fields = formFields(page.body(), "account");
        fields.removeIf(f -> f[0].equals("account:enabled"));
        fields.add(new String[] {"account:save", "Save"});
        String body = fields.stream().map(f -> Http.enc(f[0]) + "=" + Http.enc(f[1])).collect(Collectors.joining("&"));
        HttpResponse<String> saved = admin.postRaw(OAuthFlow.formAction(page.body(), "account"), body);
        assertTrue(saved.statusCode() == 200 || saved.statusCode() / 100 == 3, saved.statusCode() + " " + saved.body());
        HttpResponse<String> after = admin.get("/admin/account?id=" + accountId);
        assertFalse(checked(after.body(), "account:enabled"), "the console shows the account disabled");
    }

    private static boolean checked(String html, String name) {
        Matcher m = Pattern.compile("<input([^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*)>").matcher(html);
        assertTrue(m.find(), "no input " + name + " in " + html);
        return m.group(1).contains("checked");
    }

    /** The fields a browser would submit: hidden and text inputs, ticked boxes only. */
    private static List<String[]> formFields(String html, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + formId + "\".*?</form>", Pattern.DOTALL).matcher(html);
        assertTrue(form.find(), "no form " + formId);
        List<String[]> fields = new ArrayList<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(form.group());
        while (input.find()) {
            String attrs = input.group(1);
            String name = attr(attrs, "name");
            String type = attr(attrs, "type");
            boolean box = "checkbox".equals(type) || "radio".equals(type);
            if (name == null || "submit".equals(type) || (box && !attrs.contains("checked"))) {
                continue;
            }
            String v = attr(attrs, "value");
            fields.add(new String[] {name, v == null ? (box ? "on" : "") : v.replace("&amp;", "&")});
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    private static void assertReady(String base) {
        HttpResponse<String> ready = Http.get(base + "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
    }

    /** The kid the JWKS endpoint serves, or null when that endpoint is not there. */
    private String jwksKid() {
        HttpResponse<String> jwks = Http.get("http://localhost:" + port + "/oauth2/jwks");
        if (jwks.statusCode() != 200) {
            return null;
        }
        var keys = Http.json(jwks).getJsonArray("keys");
        assertEquals(1, keys.size(), jwks.body());
        return keys.getJsonObject(0).getString("kid");
    }

    // --- the H2 file, read while no server runs -------------------------------------------

    private Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("gatehouse"), "gatehouse", "gatehouse");
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        return ((Number) value(c, sql, params)).longValue();
    }

    private static Object value(Connection c, String sql, Object... params) throws SQLException {
        List<Object> row = row(c, sql, params);
        return row == null ? null : row.get(0);
    }

    private static List<Object> row(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return row(ps);
        }
    }

    private static List<Object> row(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getObject(i));
            }
            return out;
        }
    }

    private static List<String> importSummaries(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select detail from audit_event where event_type = 'IMPORT_APPLIED' order by id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    // --- files ---------------------------------------------------------------------------

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

}
