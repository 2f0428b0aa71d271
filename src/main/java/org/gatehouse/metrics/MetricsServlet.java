package org.gatehouse.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /ops/metrics}: the application metrics ({@link Metrics}) for a Prometheus scraper that
 * sends {@code Authorization: Bearer <gatehouse.metrics.token>}. Without that setting the path
 * does not exist (404); with it, a request without the token or with another one gets 401 and
 * nothing else. The token is compared as a SHA-256 digest in constant time. The servers' own
 * metrics endpoints are separate and off by default (README, "What each server exposes").
 */
@WebServlet(urlPatterns = "/ops/metrics")
public class MetricsServlet extends HttpServlet {

    /** Shorter tokens are refused at start-up: a scrape token is a credential. */
    static final int MIN_TOKEN = 32;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "gatehouse.metrics.token")
    Optional<String> token;

    private byte[] expected;

    @Override
    public void init() {
        expected = token.filter(t -> !t.isBlank()).map(MetricsServlet::digest).orElse(null);
        if (expected != null && token.get().strip().length() < MIN_TOKEN) {
            throw new IllegalStateException("gatehouse.metrics.token must be at least " + MIN_TOKEN + " characters");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (expected == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String header = request.getHeader("Authorization");
        boolean bearer = header != null && header.length() < 1000 && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer || !MessageDigest.isEqual(expected, digest(header.substring(7).strip()))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-metrics\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("A scrape needs Authorization: Bearer <gatehouse.metrics.token>.\n");
            return;
        }
        response.setContentType("text/plain;version=0.0.4;charset=UTF-8");
        response.getWriter().write(metrics.scrape());
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.strip().getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
