package org.gatehouse.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gatehouse.authorize.PendingAuthorizations;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Backs {@code login.xhtml}. Signs in through {@link SecurityContext#authenticate} (the
 * application's mechanism does the work), then continues where the visitor was going: the
 * pending authorization request, or a local page. Never an absolute URL: no open redirect.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    PendingAuthorizations pending;

    @Inject
    Clock clock;

    @Inject
    LoginCsrf csrf;

    private String csrfToken;

    private String username;
    private String password;
    private String request;
    private String next;

    /**
     * The application the visitor is signing in for; after a failed validation (the model is not
     * updated then) taken from the posted form, so "to continue to …" stays on the page.
     */
    public String getClientName() {
        return signInContext().map(PendingAuthorizations.SignInContext::clientName).orElse(null);
    }

    /** The parked request asks for a fresh sign-in (prompt=login or max_age): say why the page is shown again. */
    public boolean isSignInAgain() {
        return signInContext().map(PendingAuthorizations.SignInContext::signInAgain).orElse(false);
    }

    private java.util.Optional<PendingAuthorizations.SignInContext> context;

    private java.util.Optional<PendingAuthorizations.SignInContext> signInContext() {
        if (context == null) {
            String id = request != null ? request : faces.getExternalContext().getRequestParameterMap().get("request");
            context = id == null || id.isBlank() ? java.util.Optional.empty() : pending.signInContext(id);
        }
        return context;
    }

    /**
     * Before the page renders (first view and after a failed attempt): the login CSRF token, see
     * {@link LoginCsrf}, and on the first view the request's {@code login_hint} as the username.
     */
    public void prepare() {
        ExternalContext external = faces.getExternalContext();
        csrfToken = csrf.token((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse());
        if (username == null && !faces.isPostback()) {
            signInContext().map(PendingAuthorizations.SignInContext::loginHint).ifPresent(hint -> username = hint);
        }
    }

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (!csrf.matches((HttpServletRequest) external.getRequest(), csrfToken)) {
            // Not this browser's own form (login CSRF), or cookies are off: nothing is checked or counted.
            ((HttpServletResponse) external.getResponse()).setStatus(HttpServletResponse.SC_FORBIDDEN);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "This sign-in form could not be verified. Make sure cookies are allowed for this site and try again.", null));
            password = null;
            return;
        }
        HttpServletRequest current = (HttpServletRequest) external.getRequest();
        if (current.getUserPrincipal() != null) {
            // Signing in again (prompt=login, max_age): the new sign-in starts from no container
            // identity, else a container may keep the one it has instead of asking the mechanism
            // (WildFly does). The session and what it holds stay; the mechanism replaces the caller.
            try {
                current.logout();
            } catch (jakarta.servlet.ServletException e) {
                // nothing to end
            }
        }
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + target());
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                HttpServletRequest servletRequest = (HttpServletRequest) external.getRequest();
                HttpServletResponse response = (HttpServletResponse) external.getResponse();
                String message = "Wrong username or password.";
                response.setStatus(HttpServletResponse.SC_OK);
                if (servletRequest.getAttribute(GatehouseAuthenticationMechanism.BLOCKED_UNTIL) instanceof Instant until) {
                    long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
                    String when = RetryTime.describe(seconds, until);
                    if (Boolean.TRUE.equals(servletRequest.getAttribute(GatehouseAuthenticationMechanism.REFUSED))) {
                        // Refused before the password was checked (throttle package): RFC 6585 §4.
                        response.setStatus(429);
                        response.setHeader("Retry-After", Long.toString(seconds));
                        message = "Too many failed sign-ins. Try again " + when + ".";
                    } else {
                        message = "Wrong username or password. Try again " + when + ".";
                    }
                }
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
                password = null;
            }
        }
    }

    private String target() {
        if (request != null && !request.isBlank()) {
            return "/oauth2/authorize/resume?request=" + URLEncoder.encode(request, StandardCharsets.UTF_8);
        }
        return SafeRedirects.localPath(next).orElse("/");
    }

    public String getCsrfToken() { return csrfToken; }
    public void setCsrfToken(String csrfToken) { this.csrfToken = csrfToken; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRequest() { return request; }
    public void setRequest(String request) { this.request = request; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
