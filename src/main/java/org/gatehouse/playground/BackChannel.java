package org.gatehouse.playground;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.playground.Exchange.Header;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The playground's server-to-server HTTP: real requests to this server's own base URL (the
 * configured issuer), each recorded in the session's log. Redirects are not followed: the log
 * shows exactly one request and its response.
 */
@ApplicationScoped
public class BackChannel {

    /** Headers a browser or proxy sets that add nothing to the lesson. */
    private static final Set<String> QUIET = Set.of("date", "connection", "keep-alive", "server", "x-powered-by",
            "content-length", "x-frame-options", "x-content-type-options", "referrer-policy",
            "content-security-policy");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Inject
    ServerSettings server;

    @Inject
    Clock clock;

    String url(String path) {
        return server.baseUrl() + path;
    }

    /** Sends the request, logs the exchange in {@code state} and returns it. */
    Exchange send(FlowState state, String step, String title, Outgoing out) {
        String url = url(out.path);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .method(out.method, out.body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(out.body));
        out.sent.forEach(h -> request.header(h.name(), h.value()));
        int status;
        List<Header> headers = new ArrayList<>();
        String body;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
                if (!QUIET.contains(e.getKey().toLowerCase()) && !e.getKey().startsWith(":")) {
                    e.getValue().forEach(v -> headers.add(new Header(e.getKey(), v)));
                }
            }
            body = response.body();
        } catch (IOException e) {
            status = 599;
            body = "The playground could not reach " + url + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 599;
            body = "interrupted";
        }
        Exchange exchange = new Exchange(state.nextId(), clock.instant(), step, title, false, out.method, url,
                out.shown, out.body, status, headers, body, out.curl(url));
        state.log(exchange);
        return exchange;
    }

    /** Records a request the browser makes (front channel); the playground only sees its URL. */
    Exchange front(FlowState state, String step, String title, String url) {
        Exchange exchange = new Exchange(state.nextId(), clock.instant(), step, title, true, "GET", url,
                List.of(), null, 0, List.of(), null, "curl -i " + Outgoing.quote(url));
        state.log(exchange);
        return exchange;
    }
}
