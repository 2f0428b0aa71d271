/**
 * Token introspection (RFC 7662) for confidential clients.
 */
package org.gatehouse.introspection;
