package org.gatehouse.health;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Counts the requests being served, for {@link ShutdownDrain}, and while the server drains asks
 * every client to close its connection after the response ({@code Connection: close}), so
 * keep-alive connections move to the other nodes. First filter of {@code WEB-INF/web.xml}.
 */
public class InFlightRequests implements Filter {

    @Inject
    ShutdownDrain drain;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        drain.requestStarted();
        try {
            if (drain.draining() && response instanceof HttpServletResponse http) {
                http.setHeader("Connection", "close");
            }
            chain.doFilter(request, response);
        } finally {
            drain.requestEnded();
        }
    }
}
