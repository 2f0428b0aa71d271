package org.gatehouse.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

/**
 * Times every call of the protected API ({@code /api/*}) that passed authentication, by status
 * class ({@link Metrics#apiRequest}); a refused bearer token is counted where it is refused.
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiTimingFilter extends HttpFilter {

    @Inject
    Metrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            metrics.apiRequest(response.getStatus(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
