package org.gatehouse.playground;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.gatehouse.consent.Consents;
import org.gatehouse.user.SessionCaller;
import org.gatehouse.playground.FlowState.Outcome;
import org.gatehouse.playground.FlowState.Role;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Beyond the happy path: refresh (with rotation), revocation, and the "what goes wrong" runs.
 * Each sends the real request and shows the server's real answer with one line saying why.
 */
@ApplicationScoped
public class PlaygroundTroubles {

    @Inject
    PlaygroundFlow flow;

    @Inject
    PlaygroundClients clients;

    @Inject
    BackChannel backChannel;

    @Inject
    Consents consents;

    /** One line per error code the playground can provoke. */
    static String explain(String error) {
        return switch (error == null ? "" : error) {
            case "access_denied" -> "The user clicked Deny: the server sends the browser back with error=access_denied and no code (RFC 6749 §4.1.2.1).";
            case "invalid_grant" -> "The code or refresh token is unknown, expired, already used or revoked; a reused one also revokes everything issued from it (RFC 6749 §4.1.2, RFC 9700 §4.14).";
            case "invalid_token" -> "The resource server could not accept the token: bad signature, expired, or revoked (RFC 6750 §3.1).";
            case "insufficient_scope" -> "The token is valid but was not granted the scope this endpoint needs (RFC 6750 §3.1).";
            case "invalid_scope" -> "The client asked for a scope it is not registered for (RFC 6749 §4.1.2.1).";
            case "invalid_client" -> "Client authentication failed (RFC 6749 §5.2).";
            default -> "The server refused the request; see the response for its reason.";
        };
    }

    /** Records the refusal of a back-channel request: the server's answer as it came, and why. */
    static void fail(FlowState s, FlowState.Step step, Role role, Exchange e, String reason) {
        String error = "";
        String description = "";
        try {
            JsonObject json = JsonSupport.PROVIDER.createReader(new StringReader(e.responseBody())).readObject();
            error = json.getString("error", "");
            description = json.getString("error_description", "");
        } catch (JsonException | IllegalStateException | NullPointerException | ClassCastException ex) {
            error = PlaygroundFlow.bearerError(e);
            description = e.responseHeaders().stream().filter(h -> h.name().equalsIgnoreCase("www-authenticate"))
                    .map(Exchange.Header::value).filter(v -> v.contains("error_description=\""))
                    .map(v -> v.replaceAll(".*error_description=\"([^\"]*)\".*", "$1")).findFirst().orElse("");
        }
        s.failure = new FlowState.Failure(step, role, e.status(), limit(error), limit(description), reason);
    }

    /** What the page shows of a value the server sent: at most 300 characters. */
    static String limit(String value) {
        return value == null ? "" : value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }

    static Outcome outcome(String title, Exchange e, boolean expected) {
        String error = "";
        try {
            JsonObject json = JsonSupport.PROVIDER.createReader(new StringReader(e.responseBody())).readObject();
            error = json.getString("error", "");
        } catch (JsonException | IllegalStateException | NullPointerException ex) {
            error = PlaygroundFlow.bearerError(e);
        }
        return new Outcome(title, e.status(), error, e.status() < 400 ? "" : explain(error), expected);
    }

    /** Refresh (RFC 6749 §6): a new access token and, by rotation, a new refresh token. */
    void refresh(FlowState s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", s.refreshToken);
        Exchange e = backChannel.send(s, "refresh", "Refresh the access token", flow.tokenRequest(s, form));
        if (flow.acceptTokens(s, e)) {
            s.status(Role.AUTHORIZATION_SERVER, "Rotated the refresh token: the old one is now dead");
            s.status(Role.CLIENT, "Holds a new access token and a new refresh token");
            if (s.idToken != null) {
                flow.checkIdToken(s, "refresh", null); // a refreshed ID token carries no nonce (OIDC Core §12.2)
            }
            s.outcome = new Outcome("Refreshed", 200, "", "New tokens; the previous refresh token was rotated out "
                    + "and would now be refused (RFC 9700 §4.14.2).", true);
        } else {
            s.status(Role.AUTHORIZATION_SERVER, "Refused the refresh: HTTP " + e.status());
            s.outcome = outcome("Refresh refused", e, false);
            fail(s, FlowState.Step.D, Role.AUTHORIZATION_SERVER, e, s.revoked
                    ? "The grant was revoked, and its refresh tokens with it: a client has to send the user through (A) again."
                    : explain(s.outcome.error()));
        }
    }

    /** Uses the refresh token that rotation just replaced: treated as theft, the family is revoked. */
    void reuseRefresh(FlowState s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", s.rotatedRefreshTokens.get(0));
        Exchange e = backChannel.send(s, "reuse", "Reuse the rotated-out refresh token", flow.tokenRequest(s, form));
        s.outcome = outcome("Old refresh token reused", e, e.status() == 400);
        if (e.status() == 400) {
            fail(s, FlowState.Step.D, Role.AUTHORIZATION_SERVER, e, "This refresh token was rotated out by the last refresh: "
                    + "seeing it again means someone kept a copy, so the server revokes the whole grant (RFC 9700 §4.14.2).");
            s.revoked = true;
            s.status(Role.AUTHORIZATION_SERVER, "Saw a rotated refresh token again: revoked the whole grant");
        }
    }

    /** RFC 7009: revoke the refresh token; Gatehouse revokes its whole grant. */
    void revoke(FlowState s) {
        boolean refresh = s.refreshToken != null;
        Exchange e = backChannel.send(s, "revoke", "Revoke the " + (refresh ? "refresh" : "access") + " token",
                flow.revocationRequest(s, refresh ? s.refreshToken : s.accessToken, refresh ? "refresh_token" : "access_token"));
        s.outcome = new Outcome("Revoked", e.status(), "", e.status() == 200
                ? "The server answers 200 (RFC 7009 §2.2) and revokes the whole grant: call the API now and the access token is refused."
                : explain(""), e.status() == 200);
        if (e.status() == 200) {
            s.revoked = true;
            s.status(Role.AUTHORIZATION_SERVER, "Revoked the grant: its refresh and access tokens are dead");
            s.status(Role.CLIENT, "Asked the server to revoke its tokens");
        }
    }

    /** Sends the already-exchanged code again: invalid_grant, and the grant is revoked. */
    void replayCode(FlowState s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", s.consumedCode);
        form.put("redirect_uri", clients.redirectUri());
        form.put("code_verifier", s.verifier);
        Exchange e = backChannel.send(s, "replay", "Replay the authorization code", flow.tokenRequest(s, form));
        s.outcome = outcome("Code replayed", e, e.status() == 400);
        s.replayed = true;
        if (e.status() == 400) {
            fail(s, FlowState.Step.D, Role.AUTHORIZATION_SERVER, e, "This code was exchanged already: a second use is refused, "
                    + "and the tokens issued from the first are revoked (RFC 6749 §4.1.2).");
            s.revoked = true;
            s.status(Role.AUTHORIZATION_SERVER, "Saw a used code again: refused it and revoked the tokens issued from it");
        }
    }

    /** Changes the token's claims without re-signing it and calls the API with it: 401. */
    void tamper(FlowState s) {
        String tampered = tampered(s.accessToken);
        Exchange e = backChannel.send(s, "tamper", "Call GET /api/me with a tampered token",
                flow.apiRequest(s, ApiEndpoint.ME, tampered));
        s.outcome = outcome("Token tampered with", e, e.status() == 401);
        if (e.status() == 401) {
            s.outcome = new Outcome(s.outcome.title(), 401, s.outcome.error(), "The claims were edited (scope widened, "
                    + "sub changed) but the signature was not: it no longer matches, so the resource server refuses the token (RFC 6750 §3.1).", true);
        }
        s.status(Role.RESOURCE_SERVER, "Refused a token whose signature does not match: " + e.status());
        if (e.status() >= 400) {
            fail(s, FlowState.Step.F, Role.RESOURCE_SERVER, e, "The claims were edited but the signature was not: "
                    + "it no longer matches, so the token is refused (RFC 6750 §3.1).");
        }
    }

    static String tampered(String token) {
        String[] parts = token.split("\\.");
        JsonObject claims = TokenInspector.claims(token);
        JsonObjectBuilder changed = JsonSupport.PROVIDER.createObjectBuilder(claims)
                .add("scope", String.join(" ", PlaygroundClients.SCOPES) + " admin")
                .add("sub", "someone-else");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.build().toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** The first API endpoint (in the page's order) whose scope the token was not granted, if any. */
    static Optional<ApiEndpoint> missingScope(FlowState s) {
        Set<String> granted = Set.of(s.grantedScope == null || s.grantedScope.isBlank() ? new String[0] : s.grantedScope.split(" "));
        return Arrays.stream(ApiEndpoint.values())
                .filter(ep -> ep != ApiEndpoint.NOTES_DELETE && !granted.contains(ep.scope)).findFirst();
    }

    /** Calls an endpoint whose scope the token lacks: 403 insufficient_scope. Empty if it has them all. */
    Optional<Exchange> wrongScope(FlowState s) {
        Optional<ApiEndpoint> missing = missingScope(s);
        if (missing.isEmpty()) {
            s.outcome = new Outcome("Nothing to show", 0, "", "This token holds every scope the API knows. "
                    + "Start again with fewer scopes (leave out notes:write) to see a 403.", false);
            return Optional.empty();
        }
        Exchange e = backChannel.send(s, "wrong-scope", "Call " + missing.get().label() + " without " + missing.get().scope,
                flow.apiRequest(s, missing.get(), s.accessToken));
        s.outcome = outcome("Scope not granted", e, e.status() == 403);
        if (e.status() >= 400) {
            fail(s, FlowState.Step.F, Role.RESOURCE_SERVER, e, "The token is genuine, but " + missing.get().label()
                    + " needs the scope " + missing.get().scope + ", which was not granted (RFC 6750 §3.1).");
        }
        s.status(Role.RESOURCE_SERVER, "Token valid, but scope " + missing.get().scope + " missing: " + e.status());
        return Optional.of(e);
    }

    /**
     * Prepares a run that ends with Deny: forgets the signed-in user's remembered consent for
     * this client (else no consent page is shown), then builds a fresh request.
     */
    void prepareDeny(FlowState s, boolean confidential, String scopes, boolean openid, Optional<SessionCaller> caller) {
        caller.ifPresent(c -> consents.forget(c.accountId(), PlaygroundClients.clientId(confidential)));
        flow.build(s, confidential, scopes, openid);
        s.status(Role.CLIENT, "Built a request; on the consent page, click Deny");
    }
}
