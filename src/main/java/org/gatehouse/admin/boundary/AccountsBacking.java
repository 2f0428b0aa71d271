package org.gatehouse.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.AccountAdmin;
import org.gatehouse.admin.control.ThrottleAdmin;

import java.io.Serializable;
import java.util.List;

/** Backs {@code admin/accounts.xhtml}: the searchable, sortable, paged account list. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    @Inject
    AccountAdmin admin;

    @Inject
    ThrottleAdmin throttles;

    private QueryModel<AccountAdmin.Row> model;
    private List<ThrottleAdmin.Row> throttled;

    @PostConstruct
    void init() {
        AccountAdmin service = admin;
        model = new QueryModel<>(service::count, service::page, r -> String.valueOf(r.getId()));
    }

    public QueryModel<AccountAdmin.Row> getModel() { return model; }

    /** Failed sign-ins and client authentications counted now, blocked subjects first. */
    public List<ThrottleAdmin.Row> getThrottled() {
        if (throttled == null) {
            throttled = throttles.active();
        }
        return throttled;
    }

    /** Lifts one block and forgets its failures. */
    public String clear(String kind, String subject) {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean cleared = throttles.clear(kind, subject, Pages.actor(faces));
        Pages.infoAfterRedirect(faces, cleared ? "Cleared: " + subject + " may try again." : "Nothing to clear any more.");
        return "/admin/accounts?faces-redirect=true";
    }

    /** The search box: re-query from the first page. */
    public void search() {
        Pages.firstPage(FacesContext.getCurrentInstance(), "list:table");
    }
}
