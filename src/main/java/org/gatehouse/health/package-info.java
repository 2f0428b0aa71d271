/**
 * MicroProfile Health checks: {@code /health/live} (the application answers) and
 * {@code /health/ready} (the database answers within 2 s and the start-up import, if any, was accepted;
 * otherwise DOWN with the rejected entry named under {@code data.import}). Load balancers and
 * container orchestrators use readiness to decide whether a node takes traffic.
 */
package org.gatehouse.health;
