package org.gatehouse.logout;

import org.gatehouse.client.ClientRedirect;
import org.gatehouse.client.ClientView;
import org.gatehouse.token.IdTokens;

import java.util.Optional;

/**
 * What the end-session endpoint does with a request (OpenID Connect RP-Initiated Logout 1.0 §2,
 * §3), decided from what was looked up; pure. The order matters: a post-logout redirect URI is
 * only ever used once the client that registered it is known and the URI is among its
 * registered ones, so a refused request is always a page and never a redirect.
 */
sealed interface EndSessionDecision {

    /** Refused: a page with this title and message, no redirect, the session untouched. */
    record Refused(String title, String message) implements EndSessionDecision {
    }

    /**
     * Sign out now (if anyone is signed in) and go to {@code target}: the post-logout redirect URI
     * with {@code state}, or null for the signed-out page.
     */
    record SignOut(String clientId, String target) implements EndSessionDecision {
    }

    /** Ask the signed-in user first; {@code clientName} may be null (no client named). */
    record Confirm(String clientId, String clientName, String target) implements EndSessionDecision {
    }

    /** The client the request is from: its {@code client_id}, else the hint's audience (ours has one member), else none. */
    static String namedClient(EndSessionRequest request, Optional<IdTokens.Hint> hint) {
        return request.clientId() != null ? request.clientId()
                : hint.filter(h -> h.audience().size() == 1).map(h -> h.audience().get(0)).orElse(null);
    }

    /**
     * @param request        the parsed request
     * @param hint           the verified hint; empty if none was sent <em>or</em> it did not verify
     * @param client         the client named by {@code client_id}, else by the hint's audience, if it exists and is enabled
     * @param sessionSubject the {@code sub} of the account signed in on this browser, if any
     */
    static EndSessionDecision decide(EndSessionRequest request, Optional<IdTokens.Hint> hint,
                                     Optional<ClientView> client, Optional<String> sessionSubject) {
        if (request.idTokenHint() != null && hint.isEmpty()) {
            return new Refused("Sign-out link not valid",
                    "The application sent an ID token this server did not issue or cannot verify. You are still signed in; sign out from the application again, or close the browser.");
        }
        if (request.clientId() != null && hint.isPresent() && !hint.get().audience().contains(request.clientId())) {
            return new Refused("Sign-out link not valid",
                    "The ID token was not issued to the application that sent it. You are still signed in.");
        }
        String named = namedClient(request, hint);
        if (named != null && client.filter(c -> c.clientId().equals(named)).isEmpty()) {
            return new Refused("Unknown application",
                    "The application that sent you here is not registered with this server, or is disabled.");
        }
        String target = null;
        if (request.postLogoutRedirectUri() != null) {
            if (named == null) {
                return new Refused("Sign-out link not valid",
                        "The application asked to be returned to after sign-out but did not say which application it is (client_id or id_token_hint).");
            }
            if (!client.get().postLogoutRedirectUris().contains(request.postLogoutRedirectUri())) {
                return new Refused("Sign-out link not valid",
                        "The address the application asked to be returned to after sign-out is not registered for it, so this server will not send you there.");
            }
            target = ClientRedirect.to(request.postLogoutRedirectUri()).with("state", request.state()).build();
        }
        if (sessionSubject.isEmpty()) {
            return new SignOut(named, target); // no one to sign out: straight on
        }
        if (hint.isPresent() && hint.get().subject().equals(sessionSubject.get())) {
            return new SignOut(named, target);
        }
        return new Confirm(named, client.map(ClientView::name).orElse(null), target);
    }
}
