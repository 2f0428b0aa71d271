/**
 * Infrastructure shared by the features: the datasource, Flyway migrations, the JTA platform for
 * Hibernate, column converters, secrets and hashing, security headers, endpoint aliases, JSON-P, and the
 * scheduled purge of expired rows.
 */
package org.gatehouse.platform;
