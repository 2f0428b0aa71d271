package org.gatehouse.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.gatehouse.config.KeySettings;
import org.gatehouse.config.PasswordSettings;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.Database;
import org.gatehouse.platform.Migrations;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Start-up, in a fixed order: migrate the schema, make sure a signing key exists, create the
 * bootstrap admin on an empty database, apply the declarative import, register the playground.
 * Each step runs in its own transaction (bean-managed here, {@code @Transactional} below).
 * Settings injected here are read and validated before any step, so a bad value fails the start.
 */
@Singleton
@jakarta.ejb.Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SigningKeys keys;

    @Inject
    AdminBootstrap admin;

    @Inject
    Importer importer;

    @Inject
    ImportStatus importStatus;

    @Inject
    PlaygroundRegistration playground;

    @Inject
    ServerSettings server;

    @Inject
    KeySettings keySettings;

    @Inject
    PasswordSettings passwords;

    @PostConstruct
    void start() {
        Migrations.migrate(dataSource);
        keys.ensureActiveKey();
        admin.ensureAdmin();
        importer.importConfigured(importStatus);
        playground.register();
        String base = server.baseUrl();
        LOG.info("\n\n    Gatehouse is ready. Issuer " + server.issuer()
                + "\n      sign in / admin console: " + base + "/admin/"
                + "\n      Flow Playground:         " + base + "/playground/"
                + "\n      metadata:                " + base + "/.well-known/oauth-authorization-server"
                + "\n      new signing keys:        " + keySettings.algorithm()
                + "\n      password hashing:        Argon2id m=" + passwords.memoryKib() + " KiB, t=" + passwords.iterations()
                + ", p=" + passwords.parallelism() + "\n");
    }
}
