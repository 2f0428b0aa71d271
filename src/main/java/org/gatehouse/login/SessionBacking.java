package org.gatehouse.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.user.SignOut;

import java.io.IOException;

/** The pages' "Sign out" button: ends the container login and the whole HTTP session ({@link SignOut}). */
@Named
@RequestScoped
public class SessionBacking {

    @Inject
    FacesContext faces;

    @Inject
    SignOut signOut;

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        signOut.end((HttpServletRequest) external.getRequest(), "sign-out button");
        external.redirect(external.getRequestContextPath() + "/login");
    }
}
