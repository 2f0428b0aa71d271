package org.gatehouse.playground;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gatehouse.config.BootstrapSettings;
import org.gatehouse.config.ServerSettings;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The playground's redirect URI (RFC 6749 §3.1.2): step (B) arrives here. The answer is recorded
 * and checked, then the browser is sent on to the page without the code in its address bar
 * (so it does not linger in history).
 */
@WebServlet(urlPatterns = PlaygroundClients.CALLBACK_PATH)
public class PlaygroundCallbackServlet extends HttpServlet {

    /** The longest parameter value read; a code, a state or an issuer of this server is far shorter. */
    static final int MAX_PARAMETER = 2048;

    @Inject
    PlaygroundSession session;

    @Inject
    PlaygroundFlow flow;

    @Inject
    ServerSettings server;

    @Inject
    BootstrapSettings bootstrap;

    /**
     * The address a redirect back to the playground arrived at, as the log shows it: the issuer's
     * base URL, the path and the query, the query cut at {@value #MAX_PARAMETER} characters.
     */
    static String arrivedAt(ServerSettings server, String path, HttpServletRequest request) {
        String query = request.getQueryString();
        return server.baseUrl() + path + (query == null ? "" : "?" + (query.length() > MAX_PARAMETER
                ? query.substring(0, MAX_PARAMETER) + "…" : query));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!bootstrap.playground()) {
            response.sendError(404);
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : new String[] {"code", "state", "iss", "error", "error_description"}) {
            String value = request.getParameter(name);
            if (value != null && value.length() <= MAX_PARAMETER) {
                query.put(name, value); // a longer one is no answer of this server's: left out, so the checks fail
            }
        }
        String url = arrivedAt(server, PlaygroundClients.CALLBACK_PATH, request);
        FlowState s = session.state();
        synchronized (s) {
            flow.callback(s, url, query);
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + "/playground/#step-b");
    }
}
