/**
 * MicroProfile Health checks: {@code /health/live} (the application answers),
 * {@code /health/ready} (the database answers within 2 s and the start-up import, if any, was accepted;
 * otherwise DOWN with the rejected entry named under {@code data.import}; DOWN from SIGTERM on) and
 * {@code /health/started} (the deployment finished, for start-up probes). Load balancers and
 * container orchestrators use readiness to decide whether a node takes traffic. Graceful shutdown:
 * {@code ShutdownDrain} takes SIGTERM, keeps serving with readiness DOWN for
 * {@code gatehouse.shutdown.drain}, waits for the requests in flight ({@code InFlightRequests}),
 * then lets the server stop.
 */
package org.gatehouse.health;
