package org.gatehouse.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.EditConflict;
import org.gatehouse.admin.control.InvalidInput;
import org.gatehouse.admin.control.ScopeAdmin;

import java.io.Serializable;
import java.util.List;

/** Backs {@code admin/scopes.xhtml}: the scope catalogue, edited in place. */
@Named
@ViewScoped
public class ScopesBacking implements Serializable {

    private static final String NEW_FORM = "newScope";

    @Inject
    transient ScopeAdmin admin;

    @Inject
    transient FacesContext faces;

    private List<ScopeAdmin.Row> rows;
    private String name;
    private String description;

    public void load() {
        rows = admin.all();
    }

    public void create() {
        try {
            admin.create(name, description, Pages.actor(faces));
            Pages.info(faces, "Scope " + name.trim() + " added.");
            name = null;
            description = null;
            load();
        } catch (InvalidInput e) {
            Pages.show(faces, NEW_FORM, e);
        }
    }

    public void save(ScopeAdmin.Row row) {
        try {
            admin.describe(row.getName(), row.getDescription(), Pages.actor(faces));
            Pages.info(faces, "Scope " + row.getName() + " saved.");
        } catch (InvalidInput e) {
            Pages.show(faces, NEW_FORM, e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
            load();
        }
    }

    public void delete(ScopeAdmin.Row row) {
        try {
            admin.delete(row.getName(), Pages.actor(faces));
            Pages.info(faces, "Scope " + row.getName() + " deleted.");
        } catch (InvalidInput e) {
            Pages.show(faces, NEW_FORM, e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        }
        load();
    }

    public List<ScopeAdmin.Row> getRows() { return rows; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
