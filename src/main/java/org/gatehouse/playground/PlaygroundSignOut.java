package org.gatehouse.playground;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.Secrets;
import org.gatehouse.playground.FlowState.Outcome;
import org.gatehouse.playground.FlowState.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-out as a relying party does it (OpenID Connect RP-Initiated Logout 1.0 §2, §3): the client
 * first ends its own use of the user's tokens (revokes its refresh token, RFC 7009, and forgets
 * them), then sends the browser to the end-session endpoint with {@code id_token_hint} (when it
 * holds an ID token), {@code client_id}, {@code post_logout_redirect_uri} and a fresh
 * {@code state}, and checks that state when the browser comes back.
 *
 * <p>Ending the Gatehouse session invalidates the HTTP session, and with it this browser's
 * playground. So the run is <em>parked</em> here under the hash of that state for
 * {@link #PARKED_FOR} and handed to the new session when the browser returns with it, once
 * (a real client keeps its own session in its own cookie; the playground shares Gatehouse's).
 * The park is bounded ({@link #MAX_PARKED} runs, oldest dropped first) and lives in this node's
 * memory: behind a load balancer without sticky sessions the return may reach another node, and
 * the page then says the run was not found while the sign-out itself has happened.
 */
@ApplicationScoped
public class PlaygroundSignOut {

    static final Duration PARKED_FOR = Duration.ofMinutes(10);
    static final int MAX_PARKED = 256;

    @Inject
    PlaygroundClients clients;

    @Inject
    PlaygroundFlow flow;

    @Inject
    BackChannel backChannel;

    @Inject
    Clock clock;

    private record Parked(FlowState state, Instant until) {
    }

    /** By SHA-256 of the sign-out state; insertion order, so the eldest is dropped first. */
    private final Map<String, Parked> parked = new LinkedHashMap<>();

    /**
     * Revokes and forgets the tokens, parks the run and returns the end-session URL the browser
     * goes to. Callers hold the state's monitor.
     */
    String start(FlowState s) {
        if (s.refreshToken != null) {
            Exchange e = backChannel.send(s, "sign-out", "Revoke the refresh token before signing out",
                    flow.revocationRequest(s, s.refreshToken, "refresh_token"));
            s.status(Role.AUTHORIZATION_SERVER, e.status() == 200 ? "Revoked the grant the client gave up"
                    : "Answered the revocation with HTTP " + e.status());
        }
        String idTokenHint = s.idToken;
        s.dropTokens();
        s.signOutState = Secrets.random(16);
        Map<String, String> query = new LinkedHashMap<>();
        if (idTokenHint != null) {
            query.put("id_token_hint", idTokenHint);
        }
        query.put("client_id", PlaygroundClients.clientId(s.confidential));
        query.put("post_logout_redirect_uri", clients.postLogoutRedirectUri());
        query.put("state", s.signOutState);
        String url = backChannel.url("/oauth2/logout?") + Outgoing.formEncoded(query);
        backChannel.front(s, "sign-out", "Browser → end-session endpoint", url);
        s.outcome = null;
        s.status(Role.CLIENT, "Forgot its tokens" + (idTokenHint != null ? "" : " (no ID token to send as a hint)")
                + " and sent the browser to the end-session endpoint with a new state");
        s.status(Role.BROWSER, "Visiting the end-session endpoint");
        s.status(Role.AUTHORIZATION_SERVER, idTokenHint != null
                ? "Checking the ID token hint: if it names the signed-in user, the session ends at once"
                : "No ID token hint: the user is asked to confirm the sign-out");
        park(s.signOutState, s);
        return url;
    }

    /**
     * The browser is back on the post-logout redirect URI: the parked run with this state, if
     * any, becomes {@code session}'s, with the return recorded in it.
     */
    void finish(PlaygroundSession session, String url, String state) {
        Optional<FlowState> run = claim(state);
        run.ifPresent(session::adopt);
        FlowState s = session.state();
        synchronized (s) {
            backChannel.front(s, "sign-out", "End-session endpoint → browser → playground (post-logout redirect)", url);
            if (run.isEmpty()) {
                s.status(Role.CLIENT, "Ignored a post-logout redirect it did not ask for");
                s.outcome = new Outcome("Unexpected sign-out return", 0, "state",
                        "No sign-out of this browser is waiting for this state: it was already used, is older than "
                                + PARKED_FOR.toMinutes() + " minutes, or was started on another server node. "
                                + "Whatever the reason, the client must not treat this as its own sign-out.", false);
                return;
            }
            s.signedOut = true;
            s.status(Role.AUTHORIZATION_SERVER, "Ended the Gatehouse session and sent the browser to the registered post_logout_redirect_uri");
            s.status(Role.BROWSER, "Back at " + PlaygroundClients.SIGNED_OUT_PATH + ", signed out of Gatehouse");
            s.status(Role.CLIENT, "state matches ✓: this is the answer to its own sign-out request");
            s.outcome = new Outcome("Signed out", 0, "", "The end-session endpoint ended your Gatehouse session and, "
                    + "because post_logout_redirect_uri is registered for this client, sent you back with the state "
                    + "(OpenID Connect RP-Initiated Logout §3). The next authorization request asks you to sign in again.", true);
        }
    }

    void park(String state, FlowState s) {
        Instant now = clock.instant();
        synchronized (parked) {
            for (Iterator<Parked> it = parked.values().iterator(); it.hasNext(); ) {
                if (it.next().until().isBefore(now)) {
                    it.remove();
                }
            }
            while (parked.size() >= MAX_PARKED) {
                Iterator<String> eldest = parked.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            parked.put(Secrets.sha256(state), new Parked(s, now.plus(PARKED_FOR)));
        }
    }

    Optional<FlowState> claim(String state) {
        if (state == null || state.isEmpty()) {
            return Optional.empty();
        }
        Parked p;
        synchronized (parked) {
            p = parked.remove(Secrets.sha256(state));
        }
        return p == null || p.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(p.state());
    }

    /** How many runs are parked now (for tests of the bound). */
    int parkedCount() {
        synchronized (parked) {
            return parked.size();
        }
    }
}
