/**
 * MicroProfile Health checks: liveness, and readiness that checks the database and the start-up import.
 */
package org.gatehouse.health;
