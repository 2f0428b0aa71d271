package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.config.BootstrapSettings;
import org.gatehouse.platform.Secrets;
import org.gatehouse.user.Account;
import org.gatehouse.user.Accounts;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first admin account when the database has no account at all. The password comes
 * from {@code GATEHOUSE_ADMIN_PASSWORD}; without it a strong one is generated and printed once
 * (it is never stored in clear, so it can never be printed again).
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    BootstrapSettings settings;

    @Inject
    AuditLog audit;

    @Transactional
    public void ensureAdmin() {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = settings.adminPassword().isEmpty();
        String password = settings.adminPassword().orElseGet(() -> Secrets.random(18));
        accounts.create(settings.adminUsername(), password, Set.of(Account.ROLE_USER, Account.ROLE_ADMIN));
        if (generated) {
            LOG.warning("\n\n    Gatehouse bootstrap admin created: username '" + settings.adminUsername()
                    + "', password '" + password + "'\n    This password is shown only once. "
                    + "Change it in the admin console or set GATEHOUSE_ADMIN_PASSWORD on first start.\n");
        } else {
            LOG.info(() -> "Gatehouse bootstrap admin '" + settings.adminUsername() + "' created from configuration");
        }
        audit.record(AuditType.ADMIN_BOOTSTRAPPED, "system", settings.adminUsername(),
                generated ? "generated password" : "configured password");
    }
}
