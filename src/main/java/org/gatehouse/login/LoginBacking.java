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

    private String username;
    private String password;
    private String request;
    private String next;

    public String getClientName() {
        return request == null ? null : pending.clientName(request).orElse(null);
    }

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + target());
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                ((HttpServletResponse) external.getResponse()).setStatus(HttpServletResponse.SC_OK);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
            }
        }
    }

    private String target() {
        if (request != null && !request.isBlank()) {
            return "/oauth2/authorize/resume?request=" + URLEncoder.encode(request, StandardCharsets.UTF_8);
        }
        return SafeRedirects.localPath(next).orElse("/");
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRequest() { return request; }
    public void setRequest(String request) { this.request = request; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
