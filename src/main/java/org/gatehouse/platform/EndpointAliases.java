package org.gatehouse.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Short aliases {@code /authorize}, {@code /token}, {@code /revoke}, {@code /introspect} and
 * {@code /jwks} for the endpoints under {@code /oauth2}, served in place (no redirect: a POST with
 * credentials must not be bounced). The metadata document names the canonical paths.
 * Mapped in {@code WEB-INF/web.xml}, where the order of the filters is fixed.
 */
public class EndpointAliases extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        request.getRequestDispatcher("/oauth2" + path).forward(request, response);
    }
}
