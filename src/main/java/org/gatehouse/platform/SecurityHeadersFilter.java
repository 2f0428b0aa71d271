package org.gatehouse.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.inject.Inject;

import java.io.IOException;

/**
 * Headers on every response: no framing (clickjacking, RFC 9700 §4.16), no referrer leaking
 * codes or request ids, no MIME sniffing. Pages are not cached. A CSP {@code form-action} is
 * deliberately absent: browsers apply it to the redirect to the client after a consent POST.
 * HSTS (RFC 6797) on every response to a request that arrived over https, directly or through a
 * trusted TLS-terminating proxy ({@link RequestOrigin}); never over plain http (RFC 6797 §7.2).
 * Mapped in {@code WEB-INF/web.xml}, where the order of the filters is fixed.
 */
public class SecurityHeadersFilter extends HttpFilter {

    /** A year, the value the HSTS preload list asks for. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Inject
    RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (origin.secure(request)) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = request.getRequestURI();
        if (!path.contains("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
