package org.gatehouse.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.AccountAdmin;
import org.gatehouse.admin.control.GrantAdmin;
import org.gatehouse.grant.Grants;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code admin/grants.xhtml}: every grant the server keeps, filtered by client
 * ({@code ?client=}), account ({@code ?account=} id or {@code ?username=}) and state
 * ({@code ?state=live|revoked|expired|all}, live by default), each live one revocable; with a
 * client or an account, that owner's remembered consents too. The filter form posts and
 * redirects to the filtered address, so a list can be bookmarked and shared.
 */
@Named
@ViewScoped
public class GrantsBacking implements Serializable {

    /** The longest client id or username the filter takes (the registration limits are shorter). */
    static final int MAX_FILTER = 255;

    @Inject
    GrantAdmin admin;

    @Inject
    AccountAdmin accounts;

    @Inject
    FacesContext faces;

    private String client;
    private Long account;
    private String username;
    private String state;
    private Grants.Filter filter;
    private String ownerLabel;
    private QueryModel<GrantAdmin.GrantRow> model;
    private List<GrantAdmin.ConsentRow> consents = List.of();
    /** The grant or consent whose revocation waits for "Yes" (at most one of them at a time). */
    private GrantAdmin.GrantRow confirmingGrant;
    private GrantAdmin.ConsentRow confirmingConsent;

    public void load() {
        client = blankToNull(client);
        username = blankToNull(username);
        if (tooLong(client) || tooLong(username)) {
            Pages.error(faces, "A filter value is longer than " + MAX_FILTER + " characters.");
            return;
        }
        Grants.State wanted = parseState(state);
        if (wanted == null) {
            Pages.error(faces, "Unknown state \"" + state + "\": choose live, revoked, expired or all.");
            return;
        }
        state = wanted.name().toLowerCase(Locale.ROOT);
        if (account != null) {
            username = accounts.username(account).orElse(null);
            if (username == null) {
                Pages.error(faces, "There is no account #" + account + ".");
                return;
            }
        } else if (username != null) {
            account = admin.accountNamed(username).orElse(null);
            if (account == null) {
                Pages.error(faces, "There is no account named \"" + username + "\".");
                return;
            }
        }
        filter = new Grants.Filter(client, account, wanted);
        ownerLabel = client != null && account != null ? "client " + client + " and account " + username
                : client != null ? "client " + client : account != null ? "account " + username : null;
        GrantAdmin service = admin;
        Grants.Filter f = filter;
        model = new QueryModel<>(search -> service.count(f), (search, sort, first, max) -> service.list(f, first, max),
                GrantAdmin.GrantRow::getId);
        consents = admin.consents(filter);
    }

    /** The filter form: to the bookmarkable address of the filtered list. */
    public String applyFilter() {
        account = null; // the username field names the account now
        return "/admin/grants?faces-redirect=true&includeViewParams=true";
    }

    private static Grants.State parseState(String value) {
        if (value == null || value.isBlank()) {
            return Grants.State.LIVE;
        }
        for (Grants.State s : Grants.State.values()) {
            if (s.name().equalsIgnoreCase(value.strip())) {
                return s;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_FILTER;
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
        consents = admin.consents(filter);
    }

    public void forget() {
        GrantAdmin.ConsentRow row = confirmingConsent;
        cancel();
        if (row == null) {
            return;
        }
        int revoked = admin.forgetConsent(row.getAccountId(), row.getClientId(), Pages.actor(faces));
        Pages.info(faces, "Consent revoked; " + revoked + " grant(s) revoked. The user will be asked again.");
        consents = admin.consents(filter);
    }

    /** The states the filter offers, lower case as in the address. */
    public List<String> getStates() {
        return List.of("live", "revoked", "expired", "all");
    }

    /** The list's heading: "Live grants", "Revoked grants", "Expired grants" or "All kept grants". */
    public String getStateLabel() {
        if (filter == null) {
            return "Grants";
        }
        return switch (filter.state()) {
            case LIVE -> "Live grants";
            case REVOKED -> "Revoked grants";
            case EXPIRED -> "Expired grants";
            case ALL -> "All kept grants";
        };
    }

    public boolean isValid() { return filter != null; }
    public boolean isOwned() { return filter != null && (filter.clientId() != null || filter.accountId() != null); }
    public String getClient() { return client; }
    public void setClient(String client) { this.client = client; }
    public Long getAccount() { return account; }
    public void setAccount(Long account) { this.account = account; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getOwnerLabel() { return ownerLabel; }
    public QueryModel<GrantAdmin.GrantRow> getModel() { return model; }
    public List<GrantAdmin.ConsentRow> getConsents() { return consents; }
    public GrantAdmin.GrantRow getConfirmingGrant() { return confirmingGrant; }
    public GrantAdmin.ConsentRow getConfirmingConsent() { return confirmingConsent; }
}
