package org.gatehouse.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.ClientAdmin;

import java.io.Serializable;

/** Backs {@code admin/clients.xhtml}: the searchable, sortable, paged client list. */
@Named
@ViewScoped
public class ClientsBacking implements Serializable {

    @Inject
    ClientAdmin admin;

    private QueryModel<ClientAdmin.Row> model;

    @PostConstruct
    void init() {
        ClientAdmin service = admin;
        model = new QueryModel<>(service::count, service::page, ClientAdmin.Row::getClientId);
    }

    public QueryModel<ClientAdmin.Row> getModel() { return model; }

    /** The search box: re-query from the first page. */
    public void search() {
        Pages.firstPage(FacesContext.getCurrentInstance(), "list:table");
    }
}
