/**
 * The protected API, Gatehouse's own resource server: {@code /api/me} and {@code /api/notes}.
 * Bearer tokens (RFC 6750 §2.1) are verified locally by {@link org.gatehouse.login.GatehouseAuthenticationMechanism};
 * {@link org.gatehouse.api.ScopeEnforcement} maps {@code @RolesAllowed} to the token's scopes and answers
 * 401 {@code invalid_token} / 403 {@code insufficient_scope} as RFC 6750 §3.1 prescribes.
 */
package org.gatehouse.api;
