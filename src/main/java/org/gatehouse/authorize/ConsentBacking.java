package org.gatehouse.authorize;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.Clients;
import org.gatehouse.user.SessionCaller;
import org.gatehouse.scope.Scopes;

import org.gatehouse.user.SignOut;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs {@code consent.xhtml}: shows who is asking for what, in the words of the scope
 * catalogue, and turns Allow / Deny into the redirect back to the client. The request is looked
 * up again on every action by its id, never rebuilt from anything the browser posts.
 */
@Named
@ViewScoped
public class ConsentBacking implements Serializable {

    /** A scope as the page shows it (a class, not a record: Jakarta EL 5 reads getters only). */
    public static final class ScopeLine implements Serializable {
        private final String name;
        private final String description;

        ScopeLine(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public String getName() { return name; }
        public String getDescription() { return description; }
    }

    @Inject
    PendingAuthorizations pending;

    @Inject
    AuthorizationFlow flow;

    @Inject
    Clients clients;

    @Inject
    Scopes scopes;

    @Inject
    FacesContext faces;

    @Inject
    SignOut signOut;

    private String request;
    private String clientName;
    private boolean selfRegistered;
    private String destination;
    private List<ScopeLine> scopeLines = List.of();
    private boolean valid;

    /** f:viewAction: loads the pending request, or explains that it is gone. */
    public void load() {
        Optional<PendingAuthorization> p = pending.find(request);
        Optional<ClientView> client = p.flatMap(r -> clients.find(r.getClientId()));
        if (p.isEmpty() || client.isEmpty()) {
            valid = false;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "This authorization request has expired or was already answered. Go back to the application and start again.", null));
            return;
        }
        valid = true;
        clientName = client.get().name();
        selfRegistered = client.get().selfRegistered();
        destination = destination(p.get().getRedirectUri());
        Map<String, String> described = scopes.describe(p.get().getScopes());
        scopeLines = described.entrySet().stream().map(e -> new ScopeLine(e.getKey(), e.getValue())).toList();
    }

    /**
     * Where the answer will be sent, as the user can judge it: the redirect URI's host (and port),
     * or for a native app's private-use scheme the scheme (RFC 8252 §7.1).
     */
    static String destination(String redirectUri) {
        try {
            java.net.URI uri = new java.net.URI(redirectUri);
            if (uri.getHost() != null) {
                return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            }
            return uri.getScheme() + ":";
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null; // registered URIs always parse; nothing is shown rather than something wrong
        }
    }

    /**
     * "Not you? Use another account": ends this session ({@link SignOut}) and shows the sign-in
     * page for the same parked request, which then continues as if the other account had signed
     * in first.
     */
    public void switchAccount() throws IOException {
        ExternalContext external = faces.getExternalContext();
        Optional<PendingAuthorization> p = pending.find(request);
        signOut.end((HttpServletRequest) external.getRequest(), "consent page: use another account");
        redirect(external, p.map(r -> external.getRequestContextPath() + "/login?request="
                + java.net.URLEncoder.encode(r.getId(), java.nio.charset.StandardCharsets.UTF_8))
                .orElse(external.getRequestContextPath() + "/login"));
    }

    public void allow() throws IOException {
        answer(true);
    }

    public void deny() throws IOException {
        answer(false);
    }

    private void answer(boolean allowed) throws IOException {
        ExternalContext external = faces.getExternalContext();
        Optional<SessionCaller> caller = caller(external);
        Optional<PendingAuthorization> p = pending.find(request);
        Optional<String> target = p.isEmpty() || caller.isEmpty() ? Optional.empty()
                : allowed ? flow.approve(p.get(), caller.get(), true) : flow.deny(p.get(), caller.get());
        if (target.isEmpty()) {
            valid = false;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "This authorization request has expired or was already answered.", null));
            return;
        }
        redirect(external, target.get());
    }

    /**
     * Sends the browser to the client (RFC 6749 §4.1.2) with a 303 (RFC 9700 §4.12) and the
     * Location exactly as built: {@code ExternalContext.redirect} (the servlet container's
     * {@code sendRedirect}) takes a native app's private-use URI such as
     * {@code com.example.app:/cb} for a relative path and prefixes this server's address.
     */
    private void redirect(ExternalContext external, String location) {
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
        faces.responseComplete();
    }

    private static Optional<SessionCaller> caller(ExternalContext external) {
        Object c = ((HttpServletRequest) external.getRequest()).getSession().getAttribute(SessionCaller.ATTRIBUTE);
        return c instanceof SessionCaller sc ? Optional.of(sc) : Optional.empty();
    }

    public String getRequest() { return request; }
    public void setRequest(String request) { this.request = request; }
    public String getClientName() { return clientName; }
    /** The client registered itself (RFC 7591): its name is its own claim, and this page is shown every time. */
    public boolean isSelfRegistered() { return selfRegistered; }
    public List<ScopeLine> getScopeLines() { return scopeLines; }
    public String getDestination() { return destination; }
    public boolean isValid() { return valid; }
}
