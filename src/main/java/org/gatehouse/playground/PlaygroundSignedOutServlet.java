package org.gatehouse.playground;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gatehouse.config.BootstrapSettings;
import org.gatehouse.config.ServerSettings;

import java.io.IOException;

/**
 * The playground's post-logout redirect URI (OpenID Connect RP-Initiated Logout 1.0 §3): the
 * end-session endpoint sends the browser here with the {@code state} of the sign-out request.
 * The return is recorded and checked ({@link PlaygroundSignOut#finish}), then the browser goes
 * on to the page.
 */
@WebServlet(urlPatterns = PlaygroundClients.SIGNED_OUT_PATH)
public class PlaygroundSignedOutServlet extends HttpServlet {

    @Inject
    PlaygroundSession session;

    @Inject
    PlaygroundSignOut signOut;

    @Inject
    ServerSettings server;

    @Inject
    BootstrapSettings bootstrap;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!bootstrap.playground()) {
            response.sendError(404);
            return;
        }
        String state = request.getParameter("state");
        if (state != null && state.length() > PlaygroundCallbackServlet.MAX_PARAMETER) {
            state = null; // no state of this playground's: nothing to claim
        }
        signOut.finish(session, PlaygroundCallbackServlet.arrivedAt(server, PlaygroundClients.SIGNED_OUT_PATH, request), state);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + "/playground/#sign-out");
    }
}
