/**
 * The scope catalogue (RFC 6749 §3.3): every scope a client may be allowed, with the description
 * the consent page shows. {@code profile}, {@code notes:read} and {@code notes:write} come with
 * the schema; more are added by the import file or the admin console, both under the one naming
 * rule of {@link org.gatehouse.scope.ScopeNames} (scope tokens, never a page role's name).
 */
package org.gatehouse.scope;
