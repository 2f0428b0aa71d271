package org.gatehouse.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.KeyAdmin;

import java.io.Serializable;
import java.util.List;

/** Backs {@code admin/keys.xhtml}: the signing keys and the rotate button. */
@Named
@ViewScoped
public class KeysBacking implements Serializable {

    @Inject
    KeyAdmin admin;

    @Inject
    FacesContext faces;

    private List<KeyAdmin.Row> rows;
    private boolean confirmingRotate;

    public void load() {
        rows = admin.all();
    }

    /** First press: say what a rotation changes and ask; {@link #rotate} is the confirmation's button. */
    public void askRotate() {
        confirmingRotate = true;
    }

    public void cancel() {
        confirmingRotate = false;
    }

    public void rotate() {
        confirmingRotate = false;
        String kid = admin.rotate(Pages.actor(faces));
        Pages.info(faces, "New signing key " + kid + " is active; the previous key stays published until its tokens have expired.");
        load();
    }

    public List<KeyAdmin.Row> getRows() { return rows; }
    public boolean isConfirmingRotate() { return confirmingRotate; }
}
