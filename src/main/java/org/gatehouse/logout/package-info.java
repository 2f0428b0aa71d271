/**
 * Signing out from the application's side: OpenID Connect RP-Initiated Logout 1.0. The
 * end-session endpoint ({@code /oauth2/logout}, advertised as {@code end_session_endpoint} in
 * {@code /.well-known/openid-configuration}) takes {@code id_token_hint}, {@code client_id},
 * {@code post_logout_redirect_uri} and {@code state} by GET or form POST (§2, §3):
 * <ul>
 *   <li>the hint is an ID token this server issued (signature and issuer checked; an expired one is
 *       accepted, §2); a hint that does not verify, or a {@code client_id} that is not among its
 *       audience, is refused on a page;</li>
 *   <li>{@code post_logout_redirect_uri} must equal, exactly, one of the client's registered
 *       post-logout redirect URIs (§3.1: {@code client.ClientRules}, set in the console, the import
 *       file and by dynamic registration); the client is named by {@code client_id} or by the hint's
 *       audience. Anything else gets a page, never a redirect;</li>
 *   <li>when the hint names the account signed in on this browser, the session ends at once; when
 *       there is no hint, or it names someone else, the user is asked first on the {@code /signout}
 *       page (§2: a logout without proof of who asked must be confirmed, so a third-party page
 *       cannot sign users out);</li>
 *   <li>afterwards the browser goes to the post-logout redirect URI with {@code state} added
 *       (§3), or to the {@code /signed-out} page.</li>
 * </ul>
 * Signing out ends the Gatehouse session (the container login and the HTTP session, {@code
 * user.SignOut}); tokens already issued keep their lifetimes (revocation is RFC 7009's job).
 * The decision ({@link org.gatehouse.logout.EndSessionDecision}) is pure and unit-tested.
 */
package org.gatehouse.logout;
