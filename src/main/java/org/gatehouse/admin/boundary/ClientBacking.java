package org.gatehouse.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.ClientAdmin;
import org.gatehouse.admin.control.ClientForm;
import org.gatehouse.admin.control.EditConflict;
import org.gatehouse.admin.control.InvalidInput;
import org.gatehouse.admin.control.ScopeAdmin;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.GrantTypes;

import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code admin/client.xhtml}: create ({@code ?id} absent) or edit a client, rotate its
 * secret, delete it after a confirmation step. A new secret is shown on the first view after
 * the redirect and never again.
 */
@Named
@ViewScoped
public class ClientBacking implements Serializable {

    static final String VIEW = "/admin/client";
    private static final String FORM = "client";

    @Inject
    ClientAdmin admin;

    @Inject
    ScopeAdmin scopes;

    @Inject
    OneTimeSecrets oneTime;

    @Inject
    FacesContext faces;

    private String id;
    private ClientForm form;
    private List<String> scopeNames;
    private String secret;
    private boolean confirmingDelete;
    private boolean confirmingRotate;
    private long liveGrants;
    private boolean missing;

    /** f:viewAction: the form, the scope catalogue (fixed for this view), the one-time secret. */
    public void load() {
        scopeNames = scopes.names();
        if (id == null || id.isBlank()) {
            form = new ClientForm();
            return;
        }
        form = admin.form(id).orElse(null);
        missing = form == null;
        if (missing) {
            Pages.error(faces, "There is no client with this id.");
            return;
        }
        secret = oneTime.take(id);
    }

    public String save() {
        secret = null;
        try {
            ClientAdmin.Saved saved = form.isExisting() ? admin.update(form, Pages.actor(faces)) : admin.create(form, Pages.actor(faces));
            saved.secret().ifPresent(s -> oneTime.put(saved.clientId(), s));
            Pages.infoAfterRedirect(faces, form.isExisting() ? "Saved." : "Client created.");
            return Pages.redirect(VIEW, "id", saved.clientId());
        } catch (InvalidInput e) {
            Pages.show(faces, FORM, e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        }
        return null;
    }

    /** First press of "Rotate secret…": say what stops working and ask; {@link #rotateSecret} confirms. */
    public void askRotate() {
        secret = null;
        confirmingDelete = false;
        confirmingRotate = true;
    }

    public void cancelRotate() {
        confirmingRotate = false;
    }

    public String rotateSecret() {
        secret = null;
        confirmingRotate = false;
        try {
            oneTime.put(form.getClientId(), admin.rotateSecret(form.getClientId(), Pages.actor(faces)));
            Pages.infoAfterRedirect(faces, "A new secret was generated; the old one no longer works.");
            return Pages.redirect(VIEW, "id", form.getClientId());
        } catch (InvalidInput e) {
            Pages.show(faces, FORM, e);
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
        }
        return null;
    }

    public void askDelete() {
        secret = null;
        confirmingRotate = false;
        liveGrants = admin.liveGrants(form.getClientId());
        confirmingDelete = true;
    }

    public void cancelDelete() {
        confirmingDelete = false;
    }

    public String delete() {
        try {
            int revoked = admin.delete(form.getClientId(), Pages.actor(faces));
            Pages.infoAfterRedirect(faces, "Client " + form.getClientId() + " deleted; " + revoked + " grant(s) revoked.");
            return "/admin/clients?faces-redirect=true";
        } catch (EditConflict e) {
            Pages.error(faces, e.getMessage());
            confirmingDelete = false;
            return null;
        }
    }

    public ClientType[] getTypes() { return ClientType.values(); }
    /** The methods the chosen type may use: a public client has no secret, so only none (RFC 7591 §2). */
    public List<AuthMethod> getAuthMethods() {
        return form != null && form.getType() == ClientType.PUBLIC ? List.of(AuthMethod.NONE)
                : List.of(AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST);
    }

    /** The type changed: keep the method among those it may use. */
    public void typeChanged() {
        if (form.getType() == ClientType.PUBLIC) {
            form.setAuthMethod(AuthMethod.NONE);
        } else if (form.getAuthMethod() == AuthMethod.NONE || form.getAuthMethod() == null) {
            form.setAuthMethod(AuthMethod.CLIENT_SECRET_BASIC);
        }
    }
    public List<String> getGrantTypeNames() { return GrantTypes.KNOWN; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ClientForm getForm() { return form; }
    public List<String> getScopeNames() { return scopeNames; }
    public String getSecret() { return secret; }
    public boolean isConfirmingDelete() { return confirmingDelete; }
    public boolean isConfirmingRotate() { return confirmingRotate; }
    public long getLiveGrants() { return liveGrants; }
    public boolean isMissing() { return missing; }
}
