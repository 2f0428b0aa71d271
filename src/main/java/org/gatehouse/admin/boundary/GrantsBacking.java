package org.gatehouse.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.AccountAdmin;
import org.gatehouse.admin.control.GrantAdmin;

import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code admin/grants.xhtml} for one client ({@code ?client=}) or one account
 * ({@code ?account=}): remembered consents and live grants, each revocable.
 */
@Named
@ViewScoped
public class GrantsBacking implements Serializable {

    @Inject
    GrantAdmin admin;

    @Inject
    transient AccountAdmin accounts;

    @Inject
    transient FacesContext faces;

    private String client;
    private Long account;
    private GrantAdmin.Owner owner;
    private String ownerLabel;
    private QueryModel<GrantAdmin.GrantRow> model;
    private List<GrantAdmin.ConsentRow> consents = List.of();
    /** The grant or consent whose revocation waits for "Yes" (at most one of them at a time). */
    private GrantAdmin.GrantRow confirmingGrant;
    private GrantAdmin.ConsentRow confirmingConsent;

    public void load() {
        if (client != null && !client.isBlank()) {
            owner = new GrantAdmin.Owner(client, null);
            ownerLabel = "client " + client;
        } else if (account != null) {
            owner = new GrantAdmin.Owner(null, account);
            ownerLabel = "account " + accounts.username(account).orElse("#" + account);
        } else {
            Pages.error(faces, "Open this page from a client or an account.");
            return;
        }
        GrantAdmin service = admin;
        GrantAdmin.Owner o = owner;
        model = new QueryModel<>(search -> service.countLive(o), (search, sort, first, max) -> service.live(o, first, max),
                GrantAdmin.GrantRow::getId);
        consents = admin.consents(owner);
    }

    /** First press of a row's "Revoke…": say what stops working and ask; {@link #revoke} confirms. */
    public void askRevoke(GrantAdmin.GrantRow row) {
        confirmingConsent = null;
        confirmingGrant = row;
    }

    public void askForget(GrantAdmin.ConsentRow row) {
        confirmingGrant = null;
        confirmingConsent = row;
    }

    public void cancel() {
        confirmingGrant = null;
        confirmingConsent = null;
    }

    public void revoke() {
        GrantAdmin.GrantRow row = confirmingGrant;
        cancel();
        if (row == null) {
            return;
        }
        if (admin.revoke(row.getId(), Pages.actor(faces))) {
            Pages.info(faces, "Grant revoked: its refresh tokens no longer work and its access tokens are refused.");
        } else {
            Pages.error(faces, "This grant was already revoked or no longer exists.");
        }
        consents = admin.consents(owner);
    }

    public void forget() {
        GrantAdmin.ConsentRow row = confirmingConsent;
        cancel();
        if (row == null) {
            return;
        }
        int revoked = admin.forgetConsent(row.getAccountId(), row.getClientId(), Pages.actor(faces));
        Pages.info(faces, "Consent revoked; " + revoked + " grant(s) revoked. The user will be asked again.");
        consents = admin.consents(owner);
    }

    public boolean isValid() { return owner != null; }
    public String getClient() { return client; }
    public void setClient(String client) { this.client = client; }
    public Long getAccount() { return account; }
    public void setAccount(Long account) { this.account = account; }
    public String getOwnerLabel() { return ownerLabel; }
    public QueryModel<GrantAdmin.GrantRow> getModel() { return model; }
    public List<GrantAdmin.ConsentRow> getConsents() { return consents; }
    public GrantAdmin.GrantRow getConfirmingGrant() { return confirmingGrant; }
    public GrantAdmin.ConsentRow getConfirmingConsent() { return confirmingConsent; }
}
