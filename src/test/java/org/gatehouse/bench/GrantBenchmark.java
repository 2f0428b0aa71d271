package org.gatehouse.bench;

import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Measures the hot paths against a running server, in operations per CPU-second of the server
 * process (read from /proc, so a noisy shared machine distorts the figure far less than
 * wall-clock time would):
 * <ol>
 *   <li>authorization_code grants (code issue via a remembered consent + token request),</li>
 *   <li>refresh_token grants (rotation),</li>
 *   <li>client_credentials grants (client authentication and a signature, nothing stored),</li>
 *   <li>API calls with a bearer token versus the same path without one.</li>
 * </ol>
 * Run: start the server with the test import file, then
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.gatehouse.bench.GrantBenchmark -Dexec.args="8080 <server-pid> 2000"}.
 */
public final class GrantBenchmark {

    private GrantBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("it.http.port", args[0]);
        long pid = Long.parseLong(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int threads = 4;

        OAuthFlow flow = new OAuthFlow();
        flow.code(flow.request(OAuthFlow.CONFIDENTIAL, "profile notes:read", "warm")); // sign in + remembered consent
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // warm-up
            codes.add(codeFor(flow));
        }
        parallel(threads, codes.size(), i -> flow.exchange(codes.get(i), OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET));
        parallel(threads, codes.size(), i -> ok(OAuthFlow.clientCredentials(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET, null)));

        // 1. authorization-code grants: the code request on the front channel and the token request.
        double cpu0 = cpuSeconds(pid);
        long t0 = System.nanoTime();
        List<String> fresh = new ArrayList<>();
        parallel(threads, n, i -> {
            String code = codeFor(flow);
            synchronized (fresh) {
                fresh.add(code);
            }
            return null;
        });
        double codeCpu = cpuSeconds(pid) - cpu0;
        double cpu1 = cpuSeconds(pid);
        long t1 = System.nanoTime();
        List<Object> tokens = parallel(threads, n, i -> flow.exchange(fresh.get(i), OAuthFlow.CONFIDENTIAL, OAuthFlow.CONFIDENTIAL_SECRET));
        double grantCpu = cpuSeconds(pid) - cpu1;
        long t2 = System.nanoTime();
        report("authorization requests answered with a code (remembered consent)", n, codeCpu, t1 - t0);
        report("authorization_code grants (token requests)", n, grantCpu, t2 - t1);

        // 2. refresh grants, each on its own token.
        List<String> refresh = tokens.stream().map(r -> Http.json(ok(r)).getString("refresh_token")).toList();
        double cpu2 = cpuSeconds(pid);
        long t3 = System.nanoTime();
        List<Object> refreshed = parallel(threads, n, i -> OAuthFlow.refresh(refresh.get(i), null));
        report("refresh_token grants (rotation)", n, cpuSeconds(pid) - cpu2, System.nanoTime() - t3);

        // 3. client_credentials grants: no code, no grant, no refresh token.
        double cpu5 = cpuSeconds(pid);
        long t6 = System.nanoTime();
        parallel(threads, n, i -> ok(OAuthFlow.clientCredentials(OAuthFlow.SERVICE, OAuthFlow.SERVICE_SECRET, null)));
        report("client_credentials grants (no refresh token, nothing stored)", n, cpuSeconds(pid) - cpu5, System.nanoTime() - t6);

        // 4. API calls: with a verified bearer token vs. the same path rejected without one.
        String access = Http.json(ok(refreshed.get(0))).getString("access_token");
        int calls = n * 4;
        double cpu3 = cpuSeconds(pid);
        long t4 = System.nanoTime();
        parallel(threads, calls, i -> Http.get("/api/me", "Authorization", "Bearer " + access));
        double withToken = cpuSeconds(pid) - cpu3;
        long t5 = System.nanoTime();
        double cpu4 = cpuSeconds(pid);
        parallel(threads, calls, i -> Http.get("/api/me"));
        double without = cpuSeconds(pid) - cpu4;
        report("GET /api/me with a bearer token", calls, withToken, t5 - t4);
        report("GET /api/me without a token (401)", calls, without, System.nanoTime() - t5);
        System.out.printf("bearer verification + profile lookup costs %.3f ms of server CPU per call over the unauthenticated call%n",
                (withToken - without) * 1000 / calls);
    }

    private static String codeFor(OAuthFlow flow) {
        HttpResponse<String> r = flow.authorize(flow.request(OAuthFlow.CONFIDENTIAL, "profile notes:read", "b"));
        String code = Http.query(OAuthFlow.location(r)).get("code");
        if (code == null) {
            throw new IllegalStateException("no code: " + r.statusCode() + " " + OAuthFlow.location(r));
        }
        return code;
    }

    private static HttpResponse<String> ok(Object response) {
        @SuppressWarnings("unchecked")
        HttpResponse<String> r = (HttpResponse<String>) response;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static List<Object> parallel(int threads, int n, IntFunction<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String what, int n, double cpuSeconds, long nanos) {
        System.out.printf("%-70s %6d ops  %8.0f ops per server CPU-second  (%.0f ops/s wall clock)%n",
                what, n, n / cpuSeconds, n / (nanos / 1e9));
    }

    /** utime + stime of a process, in seconds (Linux /proc/PID/stat fields 14 and 15). */
    static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks / 100.0;
    }

}
