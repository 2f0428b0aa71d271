package org.gatehouse.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.EditConflict;
import org.gatehouse.admin.control.InvalidInput;
import org.gatehouse.admin.control.SessionAdmin;

import java.io.Serializable;

/**
 * Backs {@code admin/sessions.xhtml}: who is signed in now, searchable by username, and "Sign
 * this user out…", which asks first and then ends every session of that account on every node.
 */
@Named
@ViewScoped
public class SessionsBacking implements Serializable {

    @Inject
    SessionAdmin admin;

    @Inject
    FacesContext faces;

    private QueryModel<SessionAdmin.Row> model;
    /** The session whose user "Yes, sign out" would sign out. */
    private SessionAdmin.Row confirming;

    @PostConstruct
    void init() {
        SessionAdmin service = admin;
        model = new QueryModel<>(service::count, (search, sort, first, max) -> service.page(search, first, max), SessionAdmin.Row::getKey);
    }

    public void search() {
        Pages.firstPage(faces, "sessions:table");
    }

    public void askSignOut(SessionAdmin.Row row) {
        confirming = row;
    }

    public void cancel() {
        confirming = null;
    }

    public String signOut() {
        SessionAdmin.Row row = confirming;
        confirming = null;
        if (row == null) {
            return null;
        }
        try {
            admin.signOut(row.getAccountId(), Pages.actor(faces));
            Pages.infoAfterRedirect(faces, row.getUsername() + " is signed out: every session of the account ends at its next"
                    + " request, on every node.");
            return "/admin/sessions?faces-redirect=true";
        } catch (InvalidInput e) {
            Pages.show(faces, "sessions", e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        }
        return null;
    }

    public QueryModel<SessionAdmin.Row> getModel() { return model; }
    public SessionAdmin.Row getConfirming() { return confirming; }
}
