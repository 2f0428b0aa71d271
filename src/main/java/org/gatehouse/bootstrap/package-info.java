/**
 * Start-up, in a fixed order ({@link org.gatehouse.bootstrap.Startup}): Flyway migration, a
 * signing key, the bootstrap admin on an empty database (password from
 * {@code gatehouse.admin.password}, else generated and printed once in the log), the declarative
 * import of {@code gatehouse.import}, and the Flow Playground client.
 * <p>
 * The import file (format in {@link org.gatehouse.bootstrap.ImportFile}) is validated completely
 * before anything is written, then applied in one transaction: applying it again changes nothing,
 * an edited entry is updated, nothing is ever deleted. A malformed file is rejected whole and
 * readiness ({@code /health/ready}) turns DOWN with the offending entry named, e.g.
 * {@code clients[2].redirectUris[0]: ...}.
 */
package org.gatehouse.bootstrap;
