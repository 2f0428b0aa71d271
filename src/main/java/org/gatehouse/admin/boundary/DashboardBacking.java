package org.gatehouse.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.Overview;
import org.gatehouse.admin.control.SettingsInForce;

/** Backs {@code admin/index.xhtml}: the numbers at a glance. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    Overview overview;

    @Inject
    SettingsInForce settings;

    /** The settings operators change most often, read-only, with where to change them. */
    public java.util.List<SettingsInForce.Row> getSettings() { return settings.rows(); }

    public long getClients() { return overview.clients(); }
    public long getAccounts() { return overview.accounts(); }
    public long getDisabledAccounts() { return overview.disabledAccounts(); }
    public long getScopes() { return overview.scopes(); }
    public long getLiveGrants() { return overview.liveGrants(); }
    public long getSignedInSessions() { return overview.signedInSessions(); }
    public long getPublishedKeys() { return overview.publishedKeys(); }
    public long getSecurityEvents() { return overview.securityEventsLastDay(); }
}
