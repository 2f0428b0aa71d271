/**
 * The audit log: admin actions and security events (bootstrap admin created, import applied,
 * sign-in failures, revocations...) with who, when and what. Security events are written in a
 * transaction of their own so a request that fails and rolls back still leaves its trace.
 * Never holds secrets: passwords, client secrets, codes and tokens are not recorded.
 */
package org.gatehouse.audit;
