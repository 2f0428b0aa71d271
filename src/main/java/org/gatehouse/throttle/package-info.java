/**
 * Brute-force protection for everything that checks a secret: the sign-in page (passwords) and
 * client authentication at the token, revocation and introspection endpoints (client secrets).
 *
 * <ul>
 *   <li><b>Per username</b> (known or unknown alike, so the answer never tells which accounts
 *   exist): from the second failure within {@code gatehouse.sign-in.failure-window} the next
 *   attempt must wait 1 s, then 2 s, 4 s, …; at {@code gatehouse.sign-in.max-failures} (default 5)
 *   the username is locked for {@code gatehouse.sign-in.lockout}. A successful sign-in forgets
 *   the failures. This follows the OWASP Authentication Cheat Sheet's account lockout and NIST
 *   SP 800-63B §5.2.2 (rate limiting): at most a handful of guesses per lockout period.</li>
 *   <li><b>Per client address</b>: {@code gatehouse.sign-in.max-failures-per-address} failed
 *   sign-ins (any usernames) or {@code gatehouse.client-auth.max-failures-per-address} failed
 *   client authentications block the address for the lockout (an IPv6 address counts as its /64,
 *   so one host cannot spread itself over its subnet). The address is the peer's, or the
 *   one a trusted proxy reports ({@code gatehouse.http.trusted-proxies}, platform.RequestOrigin).</li>
 *   <li><b>Client registrations per client address</b> (RFC 7591, the registration package): every
 *   registration attempt counts, successful or not; at {@code gatehouse.registration.max-per-address}
 *   within the window the address is answered 429 for the lockout, audited
 *   {@code CLIENT_REGISTRATION_REFUSED} once when the block starts.</li>
 * </ul>
 *
 * An attempt while blocked is refused before any password or secret is checked: the sign-in page
 * says when to try again (HTTP 429 with {@code Retry-After}); the back-channel endpoints answer
 * 429 with {@code Retry-After} and the OAuth error {@code temporarily_unavailable}. Counting is
 * shared by every node through the {@code auth_throttle} table (owned here) under row locks;
 * administrators see and clear blocks in the admin console (accounts). Each block is audited once
 * when it starts ({@code SIGN_IN_THROTTLED}, {@code CLIENT_AUTH_THROTTLED}); refused attempts write
 * nothing, so failed authentications add at most the limits' worth of audit rows per subject and
 * window. Depends on {@code platform}, {@code config} and {@code audit} only.
 */
package org.gatehouse.throttle;
