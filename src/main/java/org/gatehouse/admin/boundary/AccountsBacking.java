package org.gatehouse.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.AccountAdmin;

import java.io.Serializable;

/** Backs {@code admin/accounts.xhtml}: the searchable, sortable, paged account list. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    @Inject
    AccountAdmin admin;

    private QueryModel<AccountAdmin.Row> model;

    @PostConstruct
    void init() {
        AccountAdmin service = admin;
        model = new QueryModel<>(service::count, service::page, r -> String.valueOf(r.getId()));
    }

    public QueryModel<AccountAdmin.Row> getModel() { return model; }

    /** The search box: re-query from the first page. */
    public void search() {
        Pages.firstPage(FacesContext.getCurrentInstance(), "list:table");
    }
}
