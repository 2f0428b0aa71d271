package org.gatehouse.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.Clients;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.consent.Consents;
import org.gatehouse.login.SessionCaller;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Steps B of RFC 6749 §4.1 once a request is validated and parked: sign-in if nobody is, consent
 * unless a remembered consent covers the scopes, then the one-time code back to the client (or
 * {@code access_denied}). Every outcome is a URI the browser is sent to.
 */
@ApplicationScoped
public class AuthorizationFlow {

    @Inject
    PendingAuthorizations pending;

    @Inject
    AuthorizationCodes codes;

    @Inject
    Consents consents;

    @Inject
    Clients clients;

    @Inject
    ServerSettings server;

    @Inject
    AuditLog audit;

    /** Where the browser goes next for this request; relative paths are on this server. */
    @Transactional
    public String next(PendingAuthorization request, Optional<SessionCaller> caller) {
        String id = URLEncoder.encode(request.getId(), StandardCharsets.UTF_8);
        if (caller.isEmpty()) {
            return "/login?request=" + id;
        }
        if (consents.covers(caller.get().accountId(), request.getClientId(), request.getScopes())) {
            return approve(request, caller.get(), false).orElse("/consent?request=" + id);
        }
        return "/consent?request=" + id;
    }

    /**
     * Issues the code for the approved request. Empty if the request was already answered
     * (double submit, or another tab): the pending request is taken exactly once.
     */
    @Transactional
    public Optional<String> approve(PendingAuthorization request, SessionCaller caller, boolean remember) {
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
        String code = codes.issue(request, caller.accountId(), client);
        return Optional.of(ClientRedirect.to(request.getRedirectUri())
                .with("code", code).with("state", request.getState()).with("iss", server.issuer()).build());
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
