/**
 * The protected API: the resource server of RFC 6749 §1.1, under {@code /api}
 * ({@code /api/me}, {@code /api/notes}).
 * <p>
 * Callers present a bearer access token (RFC 6750 §2.1) that the application's authentication
 * mechanism verifies locally (see {@link org.gatehouse.token.AccessTokenVerifier}); the caller is
 * a MicroProfile JWT {@code JsonWebToken} whose groups are the token's scopes. Resources deny by
 * default ({@code @DenyAll}) and name the scope each method needs with {@code @RolesAllowed};
 * {@link org.gatehouse.api.ScopeEnforcement} answers 401 without a valid token and 403
 * {@code insufficient_scope} without the scope (RFC 6750 §3.1), the same on Payara and WildFly.
 */
package org.gatehouse.api;
