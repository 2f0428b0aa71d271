/**
 * The audit log: admin actions and security events (sign-in failures, code replay, refresh-token
 * reuse, client authentication failures) with who, when and what.
 */
package org.gatehouse.audit;
