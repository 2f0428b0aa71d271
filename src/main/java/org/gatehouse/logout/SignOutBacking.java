package org.gatehouse.logout;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.gatehouse.user.SignOut;
import org.gatehouse.platform.Secrets;

import java.io.IOException;

/**
 * The {@code /signout} page: "sign out of Gatehouse?" for an end-session request that did not
 * prove who sent it (RP-Initiated Logout 1.0 §2). The request waits in the session
 * ({@link PendingSignOut}); the page's form is a Faces postback (its view state is the CSRF token),
 * and the id in the URL must match the one waiting.
 */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    FacesContext faces;

    @Inject
    SignOut signOut;

    private String request;
    private PendingSignOut pending;
    private boolean stayed;

    /**
     * Resolved before the view is decoded, on the first visit (query) and on the postback (the
     * form's hidden field of the same name): the buttons sit in a panel rendered only while a
     * request waits, and Faces decodes only buttons that are rendered.
     */
    @PostConstruct
    void resolve() {
        request = faces.getExternalContext().getRequestParameterMap().get("request");
        pending = waiting().orElse(null);
    }

    private java.util.Optional<PendingSignOut> waiting() {
        HttpServletRequest http = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpSession session = http.getSession(false);
        if (request == null || session == null || http.getUserPrincipal() == null
                || !(session.getAttribute(PendingSignOut.ATTRIBUTE) instanceof PendingSignOut p)
                || !Secrets.constantTimeEquals(p.id(), request)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(p);
    }

    /** "Sign out": ends the session and goes where the application asked (verified), or to the signed-out page. */
    public void confirm() throws IOException {
        ExternalContext external = faces.getExternalContext();
        PendingSignOut p = pending; // resolved for this request before the view was decoded
        if (p == null) {
            return; // expired meanwhile: the page says there is nothing to confirm
        }
        signOut.end((HttpServletRequest) external.getRequest(), EndSessionEndpoint.via(p.clientId()) + ", confirmed");
        external.redirect(p.target() != null ? p.target() : external.getRequestContextPath() + "/signed-out");
    }

    /**
     * "Stay signed in": forgets the request; the page then says so. The application is not sent
     * back its post-logout redirect URI: arriving there means "signed out", which would be untrue.
     */
    public void stay() {
        HttpSession session = ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
        if (session != null && pending != null) {
            session.removeAttribute(PendingSignOut.ATTRIBUTE);
        }
        stayed = true;
    }

    public boolean isValid() { return pending != null && !stayed; }
    public boolean isStayed() { return stayed; }
    public String getClientName() { return pending == null ? null : pending.clientName(); }
    public String getRequest() { return request; }
    public void setRequest(String request) { this.request = request; }
}
