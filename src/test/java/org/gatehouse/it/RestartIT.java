package org.gatehouse.it;

import org.junit.jupiter.api.Test;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Life across restarts, on Payara Micro processes of its own (not the suite's server): the first
 * start generates and prints the admin password once; a restart keeps every row and the same
 * signing key and prints nothing again; the import is idempotent and applies edits; a malformed
 * import file is rejected whole, reported by readiness, and writes nothing.
 */
class RestartIT {

    private static final int PORT = Integer.parseInt(System.getProperty("it.restart.port", "18095"));
    private static final Pattern GENERATED = Pattern.compile("username 'admin', password '([^']+)'");

    private final Path dir = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolveSibling("restart-it");

    @Test
    void dataBootstrapAndImportSurviveRestarts() throws Exception {
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path importFile = dir.resolve("import.json");
        Files.writeString(importFile, importJson("Restart Client", "https://r.example/cb", "Restart Person"));

        // 1. First start: empty database.
        String log1 = runServer("boot1", importFile, () -> {
            assertEquals(200, Http.get(base() + "/health/ready").statusCode());
            return null;
        });
        Matcher m = GENERATED.matcher(log1);
        assertTrue(m.find(), "the generated admin password is printed on first start");
        String password = m.group(1);
        assertTrue(password.length() >= 20);
        assertFalse(m.find(), "printed exactly once");
        String kid1 = single("select kid from signing_key where status = 'ACTIVE'");
        assertEquals("1", single("select count(*) from account where username = 'admin'"));
        String adminHash = single("select password_hash from account where username = 'admin'");
        assertFalse(adminHash.contains(password), "only the hash is stored");
        assertEquals("Restart Client", single("select name from client where client_id = 'restart-client'"));

        // 2. Restart with the same file plus edits: data kept, nothing printed again, edits applied, no duplicates.
        Files.writeString(importFile, importJson("Renamed Client", "https://r.example/cb2", "Renamed Person"));
        String log2 = runServer("boot2", importFile, () -> {
            assertEquals(200, Http.get(base() + "/health/ready").statusCode());
            assertTrue(Http.get(base() + "/oauth2/jwks").body().contains(kid1), "same key set after restart");
            return null;
        });
        assertFalse(GENERATED.matcher(log2).find(), "no second bootstrap");
        assertEquals(adminHash, single("select password_hash from account where username = 'admin'"));
        assertEquals(kid1, single("select kid from signing_key where status = 'ACTIVE'"));
        assertEquals("1", single("select count(*) from client where client_id = 'restart-client'"));
        assertEquals("Renamed Client", single("select name from client where client_id = 'restart-client'"));
        assertEquals("https://r.example/cb2", single("select redirect_uris from client where client_id = 'restart-client'"));
        assertEquals("Renamed Person", single("select display_name from account where username = 'restart-person'"));
        assertEquals("1", single("select count(*) from scope where name = 'restart:scope'"));

        // 3. A malformed file: a valid new scope first, then a bad client. Nothing of it may be written.
        Files.writeString(importFile, """
                {"scopes": [{"name": "never:written", "description": "must not appear"}],
                 "clients": [{"clientId": "bad-client", "type": "public",
                              "redirectUris": ["https://bad.example/cb#fragment"], "allowedScopes": []}]}
                """);
        runServer("boot3", importFile, () -> {
            HttpResponse<String> ready = Http.get(base() + "/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("clients[0].redirectUris[0]"), ready.body());
            return null;
        });
        assertEquals("0", single("select count(*) from scope where name = 'never:written'"));
        assertEquals("0", single("select count(*) from client where client_id = 'bad-client'"));
        assertEquals("Renamed Client", single("select name from client where client_id = 'restart-client'"));
    }

    private static String importJson(String clientName, String redirect, String displayName) {
        return """
                {"scopes": [{"name": "restart:scope", "description": "Restart scope"}],
                 "clients": [{"clientId": "restart-client", "name": "%s", "type": "confidential",
                              "secret": "restart-secret-0123456789abcdefghijklmnop", "redirectUris": ["%s"],
                              "allowedScopes": ["profile", "restart:scope"]}],
                 "accounts": [{"username": "restart-person", "password": "restart-password-1", "displayName": "%s"}]}
                """.formatted(clientName, redirect, displayName);
    }

    private static String base() {
        return "http://localhost:" + PORT;
    }

    private interface Check {
        Object run() throws Exception;
    }

    /** Starts Payara Micro on the test's own data directory, runs the check once ready, stops it; returns its log. */
    private String runServer(String name, Path importFile, Check check) throws Exception {
        Path log = dir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Dgatehouse.data-dir=" + dir.resolve("data"), "-Dgatehouse.issuer=" + base(),
                "-Dgatehouse.import=" + importFile, "-Dgatehouse.playground.enabled=false",
                "-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("it.war"),
                "--contextroot", "/", "--port", String.valueOf(PORT), "--nohazelcast",
                "--rootdir", dir.resolve("root-" + name).toString(),
                "--prebootcommandfile", System.getProperty("it.server.config") + "/pre-boot-commands.asadmin"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("GATEHOUSE_ADMIN_PASSWORD");
        Process server = pb.start();
        try {
            waitUntilDeployed(server, log);
            check.run();
        } finally {
            server.destroy();
            if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        return Files.readString(log);
    }

    private static void waitUntilDeployed(Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("ready in")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server not ready in time: " + Files.readString(log));
    }

    /** Reads the H2 file after the server has stopped (it holds an exclusive lock while running). */
    private String single(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").resolve("gatehouse")
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "gatehouse", "gatehouse");
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return String.valueOf(rs.getObject(1));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
