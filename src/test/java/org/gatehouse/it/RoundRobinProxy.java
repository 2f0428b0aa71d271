package org.gatehouse.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer WITHOUT session affinity for the cluster test: every request goes to the next
 * node in turn, whatever its cookies say. Pages and form posts ("steps") take turns on one
 * counter, the static resources a page loads on another, so the steps of a flow alternate
 * strictly between the nodes however many resources each page pulls in. Like nginx's passive
 * failover, a node that refuses the connection is skipped for that request. {@code Location}
 * headers naming a node are rewritten to the proxy's own address (nginx's {@code proxy_redirect
 * default}); nothing else is changed, and no {@code X-Forwarded-*} header is added.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** Who served one request. */
    public record Hop(int node, String method, String path, int status) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> nodes = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextStep = new AtomicInteger();
    private final AtomicInteger nextResource = new AtomicInteger();
    private final List<Hop> hops = new CopyOnWriteArrayList<>();

    public RoundRobinProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The address browsers and clients use: the cluster's issuer. */
    public String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The nodes, in the order they take turns (index = {@link Hop#node()}). */
    public void nodes(String... bases) {
        nodes.clear();
        nodes.addAll(List.of(bases));
    }

    /** Everything served since the last {@link #clearHops()}, in the order the responses were sent. */
    public List<Hop> hops() {
        return List.copyOf(hops);
    }

    /** The pages and form posts among {@link #hops()}: the steps of a flow. */
    public List<Hop> steps() {
        return hops.stream().filter(h -> !isResource(h.path())).toList();
    }

    public void clearHops() {
        hops.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            AtomicInteger turn = isResource(exchange.getRequestURI().getPath()) ? nextResource : nextStep;
            int first = Math.floorMod(turn.getAndIncrement(), nodes.size());
            IOException last = null;
            for (int attempt = 0; attempt < nodes.size(); attempt++) {
                int node = (first + attempt) % nodes.size();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node) + target))
                        .timeout(Duration.ofSeconds(60))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException down) {
                    last = down; // passive failover: the next node takes this request
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                reply(exchange, node, response);
                hops.add(new Hop(node, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), response.statusCode()));
                return;
            }
            byte[] message = ("no node answered: " + last).getBytes();
            exchange.sendResponseHeaders(502, message.length);
            exchange.getResponseBody().write(message);
        }
    }

    private void reply(HttpExchange exchange, int node, HttpResponse<byte[]> response) throws IOException {
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey();
            if (name.startsWith(":") || NOT_FORWARDED.contains(name.toLowerCase())) {
                continue;
            }
            List<String> values = new ArrayList<>(header.getValue());
            if (name.equalsIgnoreCase("location")) {
                values.replaceAll(v -> v.startsWith(nodes.get(node)) ? base() + v.substring(nodes.get(node).length()) : v);
            }
            exchange.getResponseHeaders().put(name, values);
        }
        byte[] body = response.body();
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static boolean isResource(String path) {
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/") || path.equals("/favicon.ico")
                || path.endsWith(".css") || path.endsWith(".js") || path.endsWith(".png") || path.endsWith(".svg");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
