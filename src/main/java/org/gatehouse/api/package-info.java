/**
 * The protected API: the resource server of RFC 6749 §1.1, under {@code /api}
 * ({@code /api/me}, {@code /api/notes}).
 * <p>
 * Callers present a bearer access token (RFC 6750 §2.1) that the application's authentication
 * mechanism verifies locally (see {@link org.gatehouse.token.AccessTokenVerifier}); the caller is
 * a MicroProfile JWT {@code JsonWebToken} with no container groups: scopes are never roles (a
 * token's scope {@code admin}, if one could exist, would open no page; the role names are
 * reserved anyway, see {@link org.gatehouse.scope.ScopeNames}). Each resource method names the
 * scope it needs with {@link org.gatehouse.api.RequiresScope}; a method without it is refused;
 * {@link org.gatehouse.api.ScopeEnforcement} checks the verified token's scopes and answers 401
 * without a valid token and 403 {@code insufficient_scope} without the scope (RFC 6750 §3.1), the
 * same on Payara and WildFly.
 */
package org.gatehouse.api;
