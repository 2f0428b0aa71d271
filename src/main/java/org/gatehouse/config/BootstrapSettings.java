package org.gatehouse.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * First-start and declarative provisioning.
 *
 * @param adminUsername {@code gatehouse.admin.username}: the bootstrap admin, default {@code admin}.
 * @param adminPassword {@code gatehouse.admin.password}: if empty, a strong password is generated
 *                      and printed once in the log.
 * @param importFile    {@code gatehouse.import}: JSON file of clients, accounts and scopes
 *                      imported idempotently at start-up; empty for none.
 * @param playground    {@code gatehouse.playground.enabled}: register the Flow Playground client,
 *                      default true.
 */
public record BootstrapSettings(String adminUsername, Optional<String> adminPassword,
                                Optional<Path> importFile, boolean playground) {
}
