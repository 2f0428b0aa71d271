package org.gatehouse.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful shutdown on a Payara Micro process of its own ({@link PayaraProcess}, H2; the
 * PostgreSQL pass leaves it out): SIGTERM while clients keep asking for tokens and one request is
 * half-way through its body. Readiness must turn DOWN at once, everything sent before and during
 * the drain ({@code gatehouse.shutdown.drain}, 4 s here) must be answered 200, the half-sent
 * request included, and only then may the process stop. Without health.ShutdownDrain Payara
 * Micro stops within a fraction of a second of SIGTERM: requests in flight get a 500 or a reset.
 */
class ShutdownIT {

    private static final Duration DRAIN = Duration.ofSeconds(4);
    private static final int CLIENTS = 3;

    @Test
    void sigtermTurnsReadinessDownKeepsServingThroughTheDrainThenStops() throws Exception {
        assertTrue(System.getProperty("it.db.jdbc", "jdbc:h2:").startsWith("jdbc:h2:"),
                "ShutdownIT boots its own H2 server; the PostgreSQL pass excludes it");
        int port = Integer.getInteger("it.shutdown.port", Integer.getInteger("it.http.port", 18080) + 17);
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath().resolveSibling("shutdown-it");
        PayaraProcess.deleteTree(work);
        Files.createDirectories(work);
        try (PayaraProcess server = PayaraProcess.start(work, "shutdown", port,
                Map.of("gatehouse.data-dir", Files.createDirectories(work.resolve("data")).toString(),
                        "gatehouse.import", System.getProperty("it.import.file"),
                        "gatehouse.admin.password", System.getProperty("it.admin.password", "Admin-IT-password-1"),
                        "gatehouse.shutdown.drain", DRAIN.toString()), Map.of())) {
            String base = server.base();
            awaitReady(base);

            // Clients asking for tokens in a loop, as through a load balancer: they stop sending only
            // a while after readiness said DOWN (a balancer notices at its next probe).
            AtomicBoolean stopSending = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger answeredAfterTerm = new AtomicInteger();
            AtomicBoolean termSent = new AtomicBoolean();
            List<String> failures = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                pool.submit(() -> {
                    while (!stopSending.get()) {
                        try {
                            HttpResponse<String> r = token(base);
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                            answered.incrementAndGet();
                            if (termSent.get()) {
                                answeredAfterTerm.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                });
            }
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (answered.get() < 10 && failures.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(answered.get() >= 10, "token requests answered before SIGTERM: " + answered.get() + " " + failures);

            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
                slow.setSoTimeout(20_000);
                String body = "grant_type=client_credentials&scope=reports%3Aread";
                byte[] head = ("POST /oauth2/token HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                        + "Authorization: " + Http.basic(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET) + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII);
                OutputStream out = slow.getOutputStream();
                out.write(head);
                out.flush();
                Thread.sleep(300); // the server is now reading its body

                long term = System.nanoTime();
                server.terminate();
                termSent.set(true);

                long downAt = -1;
                while (System.nanoTime() - term < Duration.ofSeconds(3).toNanos()) {
                    HttpResponse<String> ready = Http.get(base + "/health/ready");
                    if (ready.statusCode() == 503) {
                        assertTrue(ready.body().contains("shutdown"), ready.body());
                        downAt = System.nanoTime();
                        break;
                    }
                    Thread.sleep(50);
                }
                assertTrue(downAt > 0, "readiness DOWN within 3 s of SIGTERM");
                assertEquals(200, Http.get(base + "/health/live").statusCode(), "alive while draining");

                Thread.sleep(1000);
                out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = readResponse(slow.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 200"), "the half-sent request, finished during the drain: " + response);
                assertTrue(response.contains("access_token"), response);
                String during = rawGet(port, "/health/live");
                assertTrue(during.startsWith("HTTP/1.1 200"), during);
                assertTrue(during.toLowerCase().contains("connection: close"), "a request during the drain is asked to reconnect elsewhere: " + during);

                stopSending.set(true); // the balancer has taken the node out
                pool.shutdown();
                assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
                assertTrue(failures.isEmpty(), "every request sent before the balancer stopped sending is answered 200: " + failures);
                assertTrue(answeredAfterTerm.get() > 0, "requests after SIGTERM were served");
                assertTrue(server.isAlive(), "still running before the drain is over");

                int status = server.awaitExit(DRAIN.plus(Duration.ofSeconds(40)));
                long stoppedAfter = System.nanoTime() - term;
                assertEquals(143, status, "exits as a SIGTERM'd JVM does; log tail:\n" + server.tail());
                assertTrue(stoppedAfter >= DRAIN.toNanos(), "stopped only after the drain: " + Duration.ofNanos(stoppedAfter));
                System.out.printf("SIGTERM: readiness DOWN after %d ms, %d token requests answered 200 after it, stopped after %d ms%n",
                        (downAt - term) / 1_000_000, answeredAfterTerm.get(), stoppedAfter / 1_000_000);
            }
            String log = Files.readString(server.log());
            assertTrue(log.contains("shutting down (SIGTERM)"), "the drain is logged");
            assertTrue(log.contains("drained: no request in flight"), "nothing was cut off");
        }
    }

    private static HttpResponse<String> token(String base) {
        return Http.postForm(base + "/oauth2/token", Http.map("grant_type", "client_credentials", "scope", "reports:read"),
                "Authorization", Http.basic(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET));
    }

    private static void awaitReady(String base) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (Http.get(base + "/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s");
    }

    /** A keep-alive GET over a socket of its own: the response exactly as sent. */
    private static String rawGet(int port, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return readResponse(s.getInputStream());
        }
    }

    /** Status line, headers and a body of the given Content-Length (or until the server closes). */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        int length = -1;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
