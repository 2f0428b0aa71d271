/**
 * Start-up in a fixed order: Flyway migrations, the signing key, the bootstrap admin on an empty
 * database, the declarative import of {@code gatehouse.import} (all-or-nothing, idempotent), the Flow
 * Playground client.
 */
package org.gatehouse.bootstrap;
