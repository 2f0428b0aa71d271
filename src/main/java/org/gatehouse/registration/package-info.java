/**
 * Dynamic client registration (RFC 7591) and management (RFC 7592): a client registers itself at
 * {@code POST /oauth2/register} and reads, replaces or deletes its registration at
 * {@code /oauth2/register/{client_id}} with the registration access token it was given.
 * <ul>
 *   <li><b>Off by default.</b> {@code gatehouse.registration.mode} = {@code off} (refused with
 *       {@code access_denied}, no {@code registration_endpoint} in the RFC 8414 metadata),
 *       {@code open}, or {@code initial-token}: a registration needs an initial access token
 *       (RFC 7591 §1.2, §3) that an administrator created in the console, valid until it expires,
 *       is revoked or has registered its number of clients ({@link org.gatehouse.registration.InitialAccessTokens},
 *       owner of the {@code initial_access_token} table, tokens kept only as SHA-256).</li>
 *   <li><b>One rule set.</b> The request is parsed with the Nimbus OAuth SDK and judged by
 *       {@code client.ClientRules}, the rules of the admin console and the import file
 *       ({@link org.gatehouse.registration.RegistrationMetadata}); errors are RFC 7591 §3.2.2
 *       {@code invalid_redirect_uri} and {@code invalid_client_metadata}. Unknown fields are
 *       ignored (§2), fields asking for what Gatehouse cannot do are refused.</li>
 *   <li><b>The response</b> (§3.2.1) carries the client id, a generated secret for a confidential
 *       client (256 bits, stored as SHA-256 like the console's), {@code client_secret_expires_at} 0,
 *       the registration access token (256 bits, stored as SHA-256 on the client row) and
 *       {@code registration_client_uri}, plus the metadata as registered.</li>
 *   <li><b>RFC 7592.</b> Read (§2.1) returns the registration without the secret (only its hash is
 *       kept); update (§2.2) replaces the metadata under the same rules ({@code client_id} must be
 *       the client's, a {@code client_secret} sent must be its secret); delete (§2.3) removes the
 *       client and its grants, consents and parked requests through {@code authorize.ClientRemoval},
 *       as the console does; 204. A wrong or missing registration token, an unknown client and a
 *       client that did not register itself all get the same 401 {@code invalid_token} (§3).</li>
 *   <li><b>Self-registered clients</b> are marked ({@code client.self_registered}); the console
 *       shows them so, and remembered consent never skips the consent page for them
 *       ({@code authorize.AuthorizationFlow}).</li>
 *   <li><b>Abuse.</b> Open registration is an anonymous write, so it is bounded: registrations per
 *       client address ({@code gatehouse.registration.max-per-address}, counted by the
 *       {@code throttle} package, 429 {@code temporarily_unavailable} with {@code Retry-After}) and
 *       a ceiling on self-registered clients ({@code gatehouse.registration.max-clients}).
 *       Registrations, updates, deletions and initial-token creation and revocation are audited.</li>
 * </ul>
 * Depends on {@code client}, {@code authorize} (only {@code ClientRemoval}), {@code scope},
 * {@code throttle}, {@code audit}, {@code config}, {@code error} and {@code platform}.
 */
package org.gatehouse.registration;
