package org.gatehouse.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.AccountAdmin;
import org.gatehouse.admin.control.AccountForm;
import org.gatehouse.admin.control.EditConflict;
import org.gatehouse.admin.control.InvalidInput;
import org.gatehouse.admin.control.ThrottleAdmin;

import java.io.Serializable;
import java.util.List;

/** Backs {@code admin/account.xhtml}: create ({@code ?id} absent) or edit an account; reset its password. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

    private static final String VIEW = "/admin/account";
    private static final String FORM = "account";
    private static final String PASSWORD_FORM = "password";

    @Inject
    AccountAdmin admin;

    @Inject
    FacesContext faces;

    @Inject
    ThrottleAdmin throttles;

    private Long id;
    private AccountForm form;
    private String password;
    private String newPassword;
    private boolean missing;
    /** What deleting would take with it, once "Delete account…" was pressed; null otherwise. */
    private AccountAdmin.DeletionImpact confirmingDelete;

    public void load() {
        if (id == null) {
            form = new AccountForm();
            return;
        }
        form = admin.form(id).orElse(null);
        missing = form == null;
        if (missing) {
            Pages.error(faces, "There is no account with this id.");
        }
    }

    public String save() {
        try {
            if (form.isExisting()) {
                admin.update(form, Pages.actor(faces));
                Pages.infoAfterRedirect(faces, form.isEnabled() ? "Saved." : "Saved. The account is disabled and its grants are revoked.");
                return Pages.redirect(VIEW, "id", form.getId());
            }
            long created = admin.create(form, password, Pages.actor(faces));
            Pages.infoAfterRedirect(faces, "Account created.");
            return Pages.redirect(VIEW, "id", created);
        } catch (InvalidInput e) {
            Pages.show(faces, FORM, e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        } finally {
            password = null;
        }
        return null;
    }

    public String resetPassword() {
        try {
            admin.resetPassword(form.getId(), newPassword, Pages.actor(faces));
            Pages.infoAfterRedirect(faces, "The password was reset.");
            return Pages.redirect(VIEW, "id", form.getId());
        } catch (InvalidInput e) {
            Pages.show(faces, PASSWORD_FORM, e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        } finally {
            newPassword = null;
        }
        return null;
    }

    public String signOutEverywhere() {
        try {
            admin.signOutEverywhere(form.getId(), Pages.actor(faces));
            Pages.infoAfterRedirect(faces, "Every session of this account ends at its next request, on every node.");
            return Pages.redirect(VIEW, "id", form.getId());
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        }
        return null;
    }

    /** First press of "Delete account…": count what goes with it and ask; {@link #delete} confirms. */
    public void askDelete() {
        confirmingDelete = admin.deletionImpact(form.getId());
    }

    public void cancelDelete() {
        confirmingDelete = null;
    }

    public String delete() {
        confirmingDelete = null;
        try {
            int revoked = admin.delete(form.getId(), Pages.actor(faces));
            Pages.infoAfterRedirect(faces, "Account " + form.getUsername() + " deleted; " + revoked
                    + " grant(s) revoked. Its audit trail is kept.");
            return "/admin/accounts?faces-redirect=true";
        } catch (InvalidInput e) {
            Pages.show(faces, FORM, e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        }
        return null;
    }

    /** Whether this is the account of the administrator looking at it (which cannot be deleted). */
    public boolean isOwnAccount() {
        return form != null && form.isExisting() && form.getUsername().equals(Pages.actor(faces).username());
    }

    /** The failed sign-ins counted for this username now, if any (null if none). */
    public ThrottleAdmin.Row getThrottle() {
        return form == null || !form.isExisting() ? null : throttles.forUsername(form.getUsername()).orElse(null);
    }

    /** Lifts the username's sign-in block and forgets its failures. */
    public String clearThrottle() {
        throttles.clear("ACCOUNT", form.getUsername(), Pages.actor(faces));
        Pages.infoAfterRedirect(faces, "The sign-in block was lifted.");
        return Pages.redirect(VIEW, "id", form.getId());
    }

    public List<String> getRoleNames() { return List.of("user", "admin"); }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public AccountForm getForm() { return form; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public boolean isMissing() { return missing; }
    public AccountAdmin.DeletionImpact getConfirmingDelete() { return confirmingDelete; }
}
