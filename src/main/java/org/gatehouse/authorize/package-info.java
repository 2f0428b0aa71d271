/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1-4.1.2): validates a request through the ordered
 * checks of {@code authorize.check}, parks it server-side ({@link org.gatehouse.authorize.PendingAuthorizations}),
 * sends the browser through sign-in and consent, and answers the client with a one-time code (or an error)
 * plus {@code state} and {@code iss} (RFC 9207). Codes are issued and consumed in
 * {@link org.gatehouse.authorize.AuthorizationCodes}.
 */
package org.gatehouse.authorize;
