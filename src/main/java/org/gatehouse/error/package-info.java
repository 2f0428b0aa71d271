/**
 * The OAuth error model and its renderers. {@link org.gatehouse.error.OAuthException} carries a
 * registered error code, a fixed description and its HTTP status (RFC 6749 §4.1.2.1, §5.2); the
 * JSON endpoints write it through one mapper, uncached. Browsers get an escaped, self-contained
 * error page wherever an error must not go back to the client and for every container error.
 * Malformed input is stopped or cleaned before any framework reads it
 * ({@link org.gatehouse.error.MalformedRequestFilter}); a body that cannot be read is
 * {@code invalid_request}; Faces partial requests fail without naming an exception
 * ({@link org.gatehouse.error.PartialRequestErrors}). Anything unexpected becomes
 * {@code server_error} with nothing internal in the response, except the database being away
 * ({@link org.gatehouse.error.DatabaseUnavailable}): 503 with {@code Retry-After},
 * {@code temporarily_unavailable} or a "try again shortly" page.
 */
package org.gatehouse.error;
