/**
 * Typed settings: every {@code gatehouse.*} key is read once from MicroProfile Config by
 * {@link org.gatehouse.config.SettingsProducer} into one immutable record per concern (server,
 * tokens, bootstrap, keys, passwords). Each record's javadoc names its keys and defaults; the
 * defaults are also in {@code META-INF/microprofile-config.properties} and the README's
 * configuration table. A value out of range fails the start with a message naming the key.
 * Any key can be set as a system property or as an environment variable
 * ({@code gatehouse.db.url} → {@code GATEHOUSE_DB_URL}).
 */
package org.gatehouse.config;
