package org.gatehouse.it;

import jakarta.json.JsonObject;
import org.gatehouse.config.PasswordSettings;
import org.gatehouse.user.PasswordHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The embedded default across restarts, with real Payara Micro processes of its own (not the
 * Arquillian suite's server): three sequential boots on one fresh H2 data directory.
 * <ol>
 *   <li>first boot without an admin password: the generated password is logged exactly once,
 *       only its Argon2id hash is stored, and the import file is applied;</li>
 *   <li>restart with an edited import file: nothing is lost or duplicated (one admin, no second
 *       password line, same signing key), unchanged entries are untouched, edited ones updated;</li>
 *   <li>restart with a malformed import file: readiness is DOWN naming the bad entry, and nothing
 *       of that file was written, not even its valid entries.</li>
 * </ol>
 * The H2 file is opened only while no server runs (the server holds its lock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    private static final String PASSWORD_LINE = "Gatehouse bootstrap admin created";
    private static final Pattern PASSWORD = Pattern.compile("bootstrap admin created: username 'admin', password '([^']+)'");

    private Path work;
    private Path dataDir;
    private int port;
    private String adminPassword;
    private String kid;
    private List<Object> staticClientBefore;

    @BeforeAll
    void freshDirectories() throws IOException {
        String db = System.getProperty("it.db.jdbc", "jdbc:h2:");
        // Restarts of the embedded default (H2 file); the PostgreSQL pass runs the shared suite only.
        assertTrue(db.startsWith("jdbc:h2:"), "RestartIT covers the embedded H2 default; the PostgreSQL pass excludes it");
        port = Integer.getInteger("it.restart.port", Integer.getInteger("it.http.port", 18080) + 10);
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath().resolveSibling("restart-it");
        deleteTree(work);
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
            assertEquals(List.of("4 created, 0 updated"), importSummaries(c));

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
            assertEquals(List.of("4 created, 0 updated", "0 created, 2 updated"), importSummaries(c));
        }
    }

    @Test
    @Order(3)
    void malformedImportIsRejectedWholeAndReadinessNamesTheEntry() throws Exception {
        assertNotNull(kid, "needs the earlier boots");
        Path log = boot(3, "restart-import-bad.json", server -> {
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
            assertEquals(List.of("4 created, 0 updated", "0 created, 2 updated"), importSummaries(c));
            assertEquals(1L, count(c, "select count(*) from account where username = 'admin'"));
            assertEquals(kid, value(c, "select kid from signing_key where status = 'ACTIVE'"));
        }
    }

    // --- one Payara Micro process ---------------------------------------------------------

    private interface WhileUp {
        void check(String baseUrl) throws Exception;
    }

    /** Boots, waits for liveness, runs the checks, and always stops the process. Returns its log. */
    private Path boot(int n, String importResource, WhileUp whileUp) throws Exception {
        assertPortFree();
        Path importFile = work.resolve(importResource);
        try (var in = RestartIT.class.getResourceAsStream("/restart/" + importResource)) {
            assertNotNull(in, importResource);
            Files.write(importFile, in.readAllBytes());
        }
        Path log = work.resolve("boot-" + n + ".log");
        String base = "http://localhost:" + port;
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dgatehouse.data-dir=" + dataDir,
                "-Dgatehouse.issuer=" + base,
                "-Dgatehouse.import=" + importFile,
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("it.war"),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nohazelcast",
                "--rootdir", work.resolve("micro-root-" + n).toString(),
                "--prebootcommandfile", Path.of(System.getProperty("it.server.config"), "pre-boot-commands.asadmin").toString(),
                "--postbootcommandfile", Path.of(System.getProperty("it.server.config"), "post-boot-commands.asadmin").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what this test passes may configure the server.
        pb.environment().keySet().removeIf(k -> k.startsWith("GATEHOUSE_"));
        Process process = pb.start();
        try {
            awaitLive(process, base, log);
            whileUp.check(base);
        } finally {
            stop(process);
        }
        return log;
    }

    private void awaitLive(Process process, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Payara Micro exited with " + process.exitValue() + "; log tail:\n" + tail(log));
            }
            try {
                if (Http.get(base + "/health/live").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // connection refused until the listener is up
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        fail("not live within " + BOOT_TIMEOUT + "; log tail:\n" + tail(log));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void assertPortFree() {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            fail("port " + port + " is in use; set -Dit.restart.port (default it.http.port + 10)");
        }
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

    private static long count(Connection c, String sql) throws SQLException {
        return ((Number) value(c, sql)).longValue();
    }

    private static Object value(Connection c, String sql) throws SQLException {
        List<Object> row = row(c, sql);
        return row == null ? null : row.get(0);
    }

    private static List<Object> row(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
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

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
