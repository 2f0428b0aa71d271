package org.gatehouse.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One Payara Micro process running the built WAR, for the tests that boot servers of their own
 * (not the Arquillian suite's): {@code RestartIT}, {@code DatabaseOutageIT}. The process is the
 * {@code java} process itself (no wrapper), so {@link #kill()} is a real {@code kill -9} of the
 * server. Only what the test passes configures it: {@code GATEHOUSE_*} variables of the test's
 * environment are not inherited.
 */
public final class PayaraProcess implements AutoCloseable {

    public static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path log;
    private final String base;

    private PayaraProcess(Process process, Path log, String base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts a server on {@code port} (loopback) with the given system properties and environment,
     * logging to {@code work/name.log}, and waits until it is live.
     */
    public static PayaraProcess start(Path work, String name, int port, Map<String, String> properties,
                                      Map<String, String> environment) throws Exception {
        return start(work, name, port, properties, environment, List.of("--nohazelcast"));
    }

    /**
     * As {@link #start(Path, String, int, Map, Map)}, with {@code dataGrid} as the data-grid options
     * ({@code --nohazelcast} there; {@code ClusterIT} passes {@code --clustermode tcpip:...}).
     */
    public static PayaraProcess start(Path work, String name, int port, Map<String, String> properties,
                                      Map<String, String> environment, List<String> dataGrid) throws Exception {
        assertPortFree(port);
        Path log = work.resolve(name + ".log");
        String base = "http://localhost:" + port;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dgatehouse.issuer=" + base));
        if (!properties.containsKey("gatehouse.shutdown.drain")) {
            // stop() is a SIGTERM: without this every stop would wait the default drain (ShutdownIT tests it)
            cmd.add("-Dgatehouse.shutdown.drain=PT0S");
        }
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of(
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("it.war"),
                "--contextroot", "/",
                "--port", String.valueOf(port)));
        cmd.addAll(dataGrid);
        cmd.addAll(List.of(
                "--rootdir", work.resolve("micro-root-" + name).toString(),
                "--prebootcommandfile", Path.of(System.getProperty("it.server.config"), "pre-boot-commands.asadmin").toString(),
                "--postbootcommandfile", Path.of(System.getProperty("it.server.config"), "post-boot-commands.asadmin").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GATEHOUSE_"));
        pb.environment().putAll(environment);
        PayaraProcess server = new PayaraProcess(pb.start(), log, base);
        try {
            server.awaitLive();
        } catch (Throwable e) {
            server.stop();
            throw e;
        }
        return server;
    }

    public String base() {
        return base;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Shuts the server down the ordinary way (SIGTERM), forcibly if it has not stopped within a minute. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Sends SIGTERM and returns at once (what {@code docker stop} and Kubernetes do first). */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit status, or -1 if it is still running after {@code limit}. */
    public int awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** {@code kill -9}: the JVM gets no chance to flush, close or run shutdown hooks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("the server process " + process.pid() + " did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitLive() throws Exception {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Payara Micro exited with " + process.exitValue() + "; log tail:\n" + tail());
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
        fail("not live within " + BOOT_TIMEOUT + "; log tail:\n" + tail());
    }

    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    public static void assertPortFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            fail("port " + port + " is in use; choose another with -Dit.restart.port (default it.http.port + 10)");
        }
    }

    /** A free loopback port chosen by the system. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static void deleteTree(Path dir) throws IOException {
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
