package org.gatehouse.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.platform.RequestOrigin;

import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ending a Gatehouse session, the one way every entry point does it (the pages' "Sign out" button,
 * the consent page's "use another account", the end-session endpoint and its confirmation page): the container login ends,
 * the whole HTTP session is invalidated (and its end published to every node, {@link EndedSessions}),
 * and a {@code SIGN_OUT} audit event names who and through what.
 */
@ApplicationScoped
public class SignOut {

    private static final Logger LOG = Logger.getLogger(SignOut.class.getName());

    @Inject
    AuditLog audit;

    @Inject
    RequestOrigin origin;

    @Inject
    EndedSessions ended;

    /** The id of the signed-in session ({@link SessionCaller#sessionId()}); null if none is signed in. */
    private static String callerSession(HttpSession session) {
        try {
            return session.getAttribute(SessionCaller.ATTRIBUTE) instanceof SessionCaller c ? c.sessionId() : null;
        } catch (IllegalStateException alreadyInvalidated) {
            return null;
        }
    }

    /** Signs out whoever is signed in on this request's session; {@code via} says through what (audited). */
    public void end(HttpServletRequest request, String via) {
        Principal who = request.getUserPrincipal();
        try {
            request.logout();
        } catch (ServletException e) {
            // the container had no login to end; the session below is what holds ours
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            String signedIn = callerSession(session);
            if (signedIn != null) {
                try {
                    ended.signedOut(signedIn); // other nodes' copies of the session stop acting too
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Signed out without telling the other nodes (the database refused it): {0}", e.toString());
                }
            }
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // a concurrent request of the same session got here first
            }
        }
        if (who != null) {
            audit.record(AuditType.SIGN_OUT, who.getName(), who.getName(), via, origin.address(request));
        }
    }
}
