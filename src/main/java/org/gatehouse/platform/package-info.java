/**
 * What every feature stands on, and nothing feature-specific: the one datasource
 * ({@code java:app/jdbc/gatehouse}, chosen by {@code gatehouse.db.*}), Flyway migrations, the JTA
 * platform for Hibernate on either server, JPA converters, random secrets and their hashes, the
 * security headers on every response (RFC 9700 §4.16: no framing), the short endpoint aliases
 * and the scheduled purge of expired rows (pending requests, codes, refresh tokens, grants, old
 * audit events), which is safe to run on every node at once.
 */
package org.gatehouse.platform;
