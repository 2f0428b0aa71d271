package org.gatehouse.authorize;

import org.gatehouse.client.ClientRedirect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.Clients;
import org.gatehouse.client.RedirectUriRules;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.consent.Consents;
import org.gatehouse.grant.Grants;
import org.gatehouse.grant.NewGrant;
import org.gatehouse.error.OAuthException;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;
import org.gatehouse.user.SessionCaller;

import java.time.Clock;
import java.time.Instant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Steps B of RFC 6749 §4.1 once a request is validated and parked: sign-in if nobody is, consent
 * unless a remembered consent covers the scopes, then the one-time code back to the client (or
 * {@code access_denied}). Every outcome is a URI the browser is sent to. A signed-in browser
 * whose remembered consent covers the request gets its code at once, without parking the
 * request: one read of the consent, one INSERT of the grant.
 * <p>
 * Except for a public client whose redirect any app on the device could claim (loopback http or
 * a private-use scheme, {@link RedirectUriRules#claimableByAnyApp}): such a request proves
 * nothing about which app sent it, so the user is always asked again (RFC 8252 §8.6, RFC 6749
 * §10.2), remembered consent or not. A redirect to this server itself (the Flow Playground's
 * callback) is served by nothing but this server, so it is not claimable whatever its host.
 * <p>
 * And except for a client that registered itself (RFC 7591, the registration package): anyone
 * may have registered it, under any name, so a remembered consent never stands in for the page
 * and the user is asked every time (RFC 7591 §5, RFC 6749 §10.2).
 * <p>
 * OpenID Connect (OIDC Core §3.1.2.1, §3.1.2.3): a sign-in counts only if it is recent enough for
 * {@code prompt=login} or {@code max_age} ({@link OpenIdParameters#authNotBefore}) and, when an
 * {@code id_token_hint} names an account, is that account's; otherwise the user signs in again.
 * {@code prompt=consent} shows the consent page whatever was remembered. {@code prompt=none}
 * never shows a page: the answer goes straight back to the client, a code or
 * {@code login_required} / {@code consent_required}.
 */
@ApplicationScoped
public class AuthorizationFlow {

    @Inject
    PendingAuthorizations pending;

    @Inject
    Grants grants;

    @Inject
    TokenSettings settings;

    @Inject
    Consents consents;

    @Inject
    Clients clients;

    @Inject
    ServerSettings server;

    @Inject
    AuditLog audit;

    @Inject
    AccountCache accounts;

    @Inject
    Clock clock;

    /**
     * A validated request arriving at the endpoint: answered at once when the caller is signed in
     * and has already consented to these scopes; otherwise parked until sign-in and consent.
     */
    @Transactional
    public String start(AuthorizationRequest request, Optional<SessionCaller> caller) {
        OpenIdParameters openId = request.openId();
        Instant now = clock.instant();
        Instant notBefore = openId.authNotBefore(now);
        boolean hintedOther = openId.hintSubject() != null && caller.isPresent()
                && !caller.flatMap(c -> accounts.byId(c.accountId())).map(AccountView::subject)
                        .filter(openId.hintSubject()::equals).isPresent();
        if (hintedOther) {
            notBefore = now; // the hint names another account: whoever signs in now answers (§3.1.2.1)
        }
        boolean signedIn = caller.isPresent() && OpenIdParameters.recentEnough(caller.get().authTime(), notBefore);
        ClientView client = clients.find(request.clientId()).filter(ClientView::enabled).orElse(null);
        boolean consented = signedIn && client != null && !openId.promptConsent()
                && rememberedConsentCounts(client, request.redirectUri())
                && consents.covers(caller.get().accountId(), request.clientId(), request.scopes());
        if (consented) {
            return redirectWithCode(client, request.redirectUri(), request.redirectUriGiven(), request.scopes(),
                    request.state(), request.codeChallenge(), openId.nonce(), caller.get());
        }
        if (openId.promptNone()) {
            // No page may be shown: say why not (OIDC Core §3.1.2.6).
            OAuthException e = !signedIn
                    ? OAuthException.openId("login_required", "The user must sign in")
                    : OAuthException.openId("consent_required", "The user must consent to this request");
            return ClientRedirect.to(request.redirectUri()).with("error", e.error()).with("error_description", e.description())
                    .with("state", request.state()).with("iss", server.issuer()).build();
        }
        PendingAuthorization parked = pending.park(request);
        if (hintedOther) {
            parked.requireSignInAfter(now);
        }
        return next(parked, caller);
    }

    /** Where the browser goes next for a parked request; relative paths are on this server. */
    @Transactional
    public String next(PendingAuthorization request, Optional<SessionCaller> caller) {
        String id = URLEncoder.encode(request.getId(), StandardCharsets.UTF_8);
        if (caller.isEmpty() || !OpenIdParameters.recentEnough(caller.get().authTime(), request.getAuthNotBefore())) {
            return "/login?request=" + id;
        }
        boolean counts = !request.isPromptConsent() && clients.find(request.getClientId())
                .map(c -> rememberedConsentCounts(c, request.getRedirectUri())).orElse(false);
        if (counts && consents.covers(caller.get().accountId(), request.getClientId(), request.getScopes())) {
            return approve(request, caller.get(), false).orElse("/consent?request=" + id);
        }
        return "/consent?request=" + id;
    }

    /** Whether a remembered consent may stand in for asking the user (see the class comment). */
    boolean rememberedConsentCounts(ClientView client, String redirectUri) {
        return !client.selfRegistered() && mayUseRememberedConsent(client.isPublic(), redirectUri, server.baseUrl());
    }

    /**
     * The rule on its own: a confidential client always may; a public client only with a redirect
     * no other app can claim, or one on this server ({@code baseUrl}).
     */
    static boolean mayUseRememberedConsent(boolean publicClient, String redirectUri, String baseUrl) {
        return !publicClient || redirectUri.startsWith(baseUrl + "/") || !RedirectUriRules.claimableByAnyApp(redirectUri);
    }

    /**
     * Issues the code for the approved request. Empty if the request was already answered
     * (double submit, or another tab): the pending request is taken exactly once.
     */
    @Transactional
    public Optional<String> approve(PendingAuthorization request, SessionCaller caller, boolean remember) {
        if (!OpenIdParameters.recentEnough(caller.authTime(), request.getAuthNotBefore())) {
            // max_age / prompt=login: the consent page was reached with an older sign-in; sign in first.
            return Optional.of(server.baseUrl() + "/login?request=" + URLEncoder.encode(request.getId(), StandardCharsets.UTF_8));
        }
        if (!pending.take(request.getId())) {
            return Optional.empty();
        }
        ClientView client = clients.find(request.getClientId()).filter(ClientView::enabled).orElse(null);
        if (client == null) {
            return Optional.empty();
        }
        if (remember) {
            consents.remember(caller.accountId(), request.getClientId(), request.getScopes());
            audit.record(AuditType.CONSENT_GRANTED, caller.username(), request.getClientId(),
                    "scopes: " + String.join(" ", request.getScopes()));
        }
        return Optional.of(redirectWithCode(client, request.getRedirectUri(), request.isRedirectUriGiven(),
                request.getScopes(), request.getState(), request.getCodeChallenge(), request.getNonce(), caller));
    }

    private String redirectWithCode(ClientView client, String redirectUri, boolean redirectUriGiven,
                                    java.util.Set<String> scopes, String state, String codeChallenge, String nonce,
                                    SessionCaller caller) {
        // A client whose refresh tokens live longer than the family limit keeps them whole.
        Duration family = client.refreshTokenTtl().filter(ttl -> ttl.compareTo(settings.refreshFamilyTtl()) > 0)
                .orElse(settings.refreshFamilyTtl());
        String code = grants.issue(new NewGrant(client.clientId(), caller.accountId(), scopes, redirectUri,
                redirectUriGiven, codeChallenge, family, nonce, caller.authTime()));
        return ClientRedirect.to(redirectUri).with("code", code).with("state", state).with("iss", server.issuer()).build();
    }

    /** The user said no (RFC 6749 §4.1.2.1 access_denied). */
    @Transactional
    public Optional<String> deny(PendingAuthorization request, SessionCaller caller) {
        if (!pending.take(request.getId())) {
            return Optional.empty();
        }
        audit.record(AuditType.CONSENT_DENIED, caller.username(), request.getClientId(), null);
        return Optional.of(ClientRedirect.to(request.getRedirectUri())
                .with("error", "access_denied").with("error_description", "The user denied the request")
                .with("state", request.getState()).with("iss", server.issuer()).build());
    }
}
