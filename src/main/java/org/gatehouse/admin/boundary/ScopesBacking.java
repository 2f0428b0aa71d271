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
    ScopeAdmin admin;

    @Inject
    FacesContext faces;

    private List<ScopeAdmin.Row> rows;
    /** The scope whose deletion waits for "Yes". */
    private String confirmingDelete;
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

    /** First press of "Delete…": refuses a scope still in use at once, else says what deleting does and asks. */
    public void askDelete(ScopeAdmin.Row row) {
        confirmingDelete = null;
        try {
            admin.checkDeletable(row.getName());
            confirmingDelete = row.getName();
        } catch (InvalidInput e) {
            Pages.show(faces, NEW_FORM, e);
        }
    }

    public void cancelDelete() {
        confirmingDelete = null;
    }

    public void delete(ScopeAdmin.Row row) {
        if (!row.getName().equals(confirmingDelete)) {
            return; // "Yes" of a row that was not asked about: nothing to do
        }
        confirmingDelete = null;
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
    public String getConfirmingDelete() { return confirmingDelete; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
