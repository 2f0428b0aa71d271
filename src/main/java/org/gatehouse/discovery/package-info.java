/**
 * Authorization server metadata (RFC 8414) and the JSON Web Key Set of the signing keys (RFC 7517).
 */
package org.gatehouse.discovery;
