/**
 * Start-up, in a fixed order ({@link org.gatehouse.bootstrap.Startup}): Flyway migration, a
 * signing key, the bootstrap admin on an empty database (password from
 * {@code gatehouse.admin.password}, else generated and printed once in the log), the declarative
 * import of {@code gatehouse.import}, and the Flow Playground client.
 * <p>
 * The import file (format in {@link org.gatehouse.bootstrap.ImportFile}) is desired state,
 * applied once per change: a start whose file has the SHA-256 of the one applied last (table
 * {@code import_applied}, owned here) does not apply it again, so administrators' later changes
 * stay. A new or edited file is validated completely before anything is written, then applied in
 * one transaction: an edited entry is updated, nothing is ever deleted, an account or client it
 * disables loses its grants, and the log says what changed per kind. A malformed file is rejected whole and
 * readiness ({@code /health/ready}) turns DOWN with the offending entry named, e.g.
 * {@code clients[2].redirectUris[0]: ...}.
 */
package org.gatehouse.bootstrap;
