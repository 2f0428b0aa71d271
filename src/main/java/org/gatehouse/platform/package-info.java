/**
 * What every feature stands on, and nothing feature-specific: the one datasource
 * ({@code java:app/jdbc/gatehouse}, chosen by {@code gatehouse.db.*}), Flyway migrations, the JTA
 * platform for Hibernate on either server, JPA converters, random secrets and their hashes, the
 * security headers on every response (RFC 9700 §4.16: no framing), the short endpoint aliases,
 * the bounded in-memory cache every feature uses, the node's one-second {@code Heartbeat} and the
 * {@code ChangeFeed} through which a change on one node evicts the caches of every node.
 */
package org.gatehouse.platform;
