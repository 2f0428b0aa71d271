package org.gatehouse.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.Actor;
import org.gatehouse.config.RegistrationSettings;
import org.gatehouse.registration.InitialAccessTokens;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Backs {@code admin/registration.xhtml}: the registration mode, and the initial access tokens
 * (RFC 7591 §3) an administrator creates, lists and revokes. A new token is shown in this view
 * only: the server keeps its SHA-256, and a reload no longer shows it.
 */
@Named
@ViewScoped
public class InitialTokensBacking implements Serializable {

    private static final String FORM = "newToken";

    @Inject
    InitialAccessTokens tokens;

    /** The settings are a plain value, not a proxy: looked up per use, so the view's bean stays passivation-capable. */
    @Inject
    Instance<RegistrationSettings> settings;

    @Inject
    FacesContext faces;

    private List<InitialAccessTokens.Row> rows;
    private String label;
    private Integer validHours = 24;
    private Integer maxUses = 1;
    private String createdToken;
    private String createdLabel;

    public void load() {
        rows = tokens.list();
    }

    public void create() {
        Duration validity = validHours == null ? null : Duration.ofHours(validHours);
        int uses = maxUses == null ? 0 : maxUses;
        Optional<String> problem = InitialAccessTokens.problem(label, validity, uses);
        if (problem.isPresent()) {
            faces.addMessage(FORM + ":" + field(problem.get()), new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.get(), null));
            Pages.error(faces, "No token was created: please correct the field marked below.");
            return;
        }
        Actor actor = Pages.actor(faces);
        InitialAccessTokens.Created created = tokens.create(label, validity, uses, actor.username(), actor.address());
        createdToken = created.token();
        createdLabel = label.trim();
        Pages.info(faces, "Initial access token " + createdLabel + " created.");
        label = null;
        load();
    }

    public void revoke(InitialAccessTokens.Row row) {
        Actor actor = Pages.actor(faces);
        if (tokens.revoke(row.getId(), actor.username(), actor.address())) {
            Pages.info(faces, "Initial access token " + row.getLabel() + " revoked.");
        } else {
            Pages.error(faces, "This token was already revoked.");
        }
        createdToken = null;
        load();
    }

    private static String field(String problem) {
        return problem.startsWith("Give") || problem.startsWith("The label") ? "label"
                : problem.startsWith("A token is valid") ? "validHours" : "maxUses";
    }

    public List<InitialAccessTokens.Row> getRows() { return rows; }
    public String getMode() { return settings.get().mode().setting(); }
    public boolean isTokensNeeded() { return settings.get().mode() == RegistrationSettings.Mode.INITIAL_TOKEN; }
    public int getMaxPerAddress() { return settings.get().maxPerAddress(); }
    public int getMaxClients() { return settings.get().maxClients(); }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Integer getValidHours() { return validHours; }
    public void setValidHours(Integer validHours) { this.validHours = validHours; }
    public Integer getMaxUses() { return maxUses; }
    public void setMaxUses(Integer maxUses) { this.maxUses = maxUses; }
    public String getCreatedToken() { return createdToken; }
    public String getCreatedLabel() { return createdLabel; }
}
