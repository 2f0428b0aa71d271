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

/**
 * Ending a Gatehouse session, the one way every entry point does it (the pages' "Sign out" button,
 * the consent page's "use another account", the end-session endpoint and its confirmation page): the container login ends,
 * the whole HTTP session is invalidated, and a {@code SIGN_OUT} audit event names who and through what.
 */
@ApplicationScoped
public class SignOut {

    @Inject
    AuditLog audit;

    @Inject
    RequestOrigin origin;

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
