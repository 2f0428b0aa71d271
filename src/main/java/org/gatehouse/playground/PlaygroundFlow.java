package org.gatehouse.playground;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.platform.Secrets;
import org.gatehouse.playground.FlowState.CodeStatus;
import org.gatehouse.playground.FlowState.Param;
import org.gatehouse.playground.FlowState.Role;
import org.gatehouse.playground.FlowState.Step;

import java.io.StringReader;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The happy path, one method per arrow of RFC 6749 §4.1: (A) build the authorization request and
 * send the browser, (B) receive the code and check the state, (C) exchange it at the token
 * endpoint with client authentication, (D) read and verify the access token, (E) call the API,
 * (F) show what came back. Callers hold the {@link FlowState}'s monitor.
 */
@ApplicationScoped
public class PlaygroundFlow {

    @Inject
    PlaygroundClients clients;

    @Inject
    BackChannel backChannel;

    @Inject
    TokenInspector inspector;

    @Inject
    IdTokenInspector idTokens;

    @Inject
    ServerSettings server;

    @Inject
    Clock clock;

    @Inject
    org.gatehouse.config.TokenSettings tokenSettings;

    /**
     * (A) A fresh state and PKCE pair, and the authorization URL with each parameter explained.
     * With {@code openid} (the page's switch) the scope gets {@code openid} and the request a fresh
     * nonce (OIDC Core §3.1.2.1), kept here like the state; without it {@code openid} is left out.
     */
    void build(FlowState s, boolean confidential, String requestedScopes, boolean openid) {
        s.newRun();
        s.confidential = confidential;
        s.openid = openid;
        s.scopes = withOpenId(scopeTokens(requestedScopes), openid);
        s.state = Secrets.random(16);
        s.verifier = Secrets.random(32);
        s.challenge = Secrets.sha256(s.verifier); // S256: BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2
        s.nonce = openid ? Secrets.random(16) : null;
        String clientId = PlaygroundClients.clientId(confidential);
        List<Param> params = new java.util.ArrayList<>(List.of(
                new Param("response_type", "code", "Ask for an authorization code: the Authorization Code grant (RFC 6749 §4.1.1)."),
                new Param("client_id", clientId, confidential
                        ? "Who is asking: the playground's confidential registration (it will prove itself with a secret)."
                        : "Who is asking: the playground's public registration (no secret; PKCE is its only proof)."),
                new Param("redirect_uri", clients.redirectUri(), "Where the code comes back; must equal a registered URI exactly."),
                new Param("scope", s.scopes, openid
                        ? "What the client wants to do; openid makes this an OpenID Connect request: the token response will carry an ID token saying who signed in."
                        : "What the client wants to do; the user sees each scope on the consent page."),
                new Param("state", s.state, "Random, remembered in this session, checked on return: stops login CSRF (RFC 6749 §10.12).")));
        if (openid) {
            params.add(new Param("nonce", s.nonce, "Random, remembered in this session, must come back inside the ID token: "
                    + "binds the token to this request, so a replayed or injected one is refused (OIDC Core §3.1.2.1, §15.5.2)."));
        }
        params.add(new Param("code_challenge", s.challenge, "SHA-256 of the secret code_verifier (PKCE, RFC 7636 §4.2); the verifier never leaves the client until step (C)."));
        params.add(new Param("code_challenge_method", "S256", "How the challenge was derived from the verifier."));
        s.params = List.copyOf(params);
        s.authorizationUrl = backChannel.url("/oauth2/authorize?") + s.params.stream()
                .map(p -> Outgoing.enc(p.name()) + "=" + Outgoing.enc(p.value())).collect(Collectors.joining("&"));
        s.step(Step.A);
        s.status(Role.CLIENT, "Built an authorization request: new state" + (openid ? ", nonce" : "") + " and PKCE verifier/challenge");
    }

    /** The scope with {@code openid} first if the switch is on, and without it if it is off. */
    static String withOpenId(String scopes, boolean openid) {
        String rest = Arrays.stream(scopes.split(" ")).filter(t -> !t.isEmpty() && !t.equals(PlaygroundClients.OPENID))
                .collect(Collectors.joining(" "));
        return !openid ? rest : rest.isEmpty() ? PlaygroundClients.OPENID : PlaygroundClients.OPENID + " " + rest;
    }

    /** (A) The browser is about to follow the request: log it. Returns the URL to go to. */
    Optional<String> go(FlowState s) {
        if (s.authorizationUrl == null || s.stateAnswered) {
            return Optional.empty();
        }
        backChannel.front(s, "A", "Browser → authorization endpoint", s.authorizationUrl);
        s.status(Role.CLIENT, "Sent the browser to the authorization endpoint; waiting for it to come back");
        s.status(Role.BROWSER, "Visiting the authorization endpoint: sign in, then consent");
        s.status(Role.AUTHORIZATION_SERVER, "Checking the request: client, redirect URI, scope, PKCE");
        return Optional.of(s.authorizationUrl);
    }

    /** (B) The browser is back on the redirect URI with a code or an error (RFC 6749 §4.1.2). */
    void callback(FlowState s, String url, Map<String, String> query) {
        backChannel.front(s, "B", "Authorization server → browser → playground callback", url);
        s.step(Step.B);
        s.status(Role.BROWSER, "Redirected back to " + PlaygroundClients.CALLBACK_PATH);
        String state = query.get("state");
        if (s.state == null || s.stateAnswered) {
            s.stateMatched = false;
            s.status(Role.CLIENT, "Rejected a callback: no authorization request of this session is waiting for it");
            s.outcome = new FlowState.Outcome("Unexpected callback", 0, "state",
                    "This session did not start (or already finished) the request this answer belongs to, so it is ignored.", false);
            s.failure = new FlowState.Failure(Step.B, Role.CLIENT, 0, "state", "",
                    "No authorization request of this session is waiting for this answer: the client ignores it.");
            return;
        }
        s.stateAnswered = true;
        s.stateMatched = Secrets.constantTimeEquals(state, s.state);
        boolean issuerMatched = server.issuer().equals(query.get("iss"));
        if (!s.stateMatched || !issuerMatched) {
            s.status(Role.CLIENT, !s.stateMatched ? "state does NOT match: answer rejected (possible CSRF)"
                    : "iss does not name this server: answer rejected (RFC 9207 mix-up defence)");
            s.failure = new FlowState.Failure(Step.B, Role.CLIENT, 0, !s.stateMatched ? "state" : "iss", "",
                    !s.stateMatched ? "The state that came back is not the one this session sent: the answer may be forged (CSRF)."
                            : "The iss parameter does not name this server: the answer may come from another one (RFC 9207).");
            return;
        }
        String error = query.get("error");
        if (error != null) {
            s.status(Role.AUTHORIZATION_SERVER, "Redirected back with error=" + error);
            s.status(Role.CLIENT, "state matches ✓; received error=" + error + " instead of a code");
            s.outcome = new FlowState.Outcome("Authorization refused", 0, error, PlaygroundTroubles.explain(error), true);
            s.failure = new FlowState.Failure(Step.B, Role.AUTHORIZATION_SERVER, 0, error,
                    PlaygroundTroubles.limit(query.getOrDefault("error_description", "")), PlaygroundTroubles.explain(error));
            return;
        }
        s.code = query.get("code");
        s.codeStatus = s.code == null ? CodeStatus.NONE : CodeStatus.RECEIVED;
        s.codeExpiresAt = s.code == null ? null : clock.instant().plus(tokenSettings.codeTtl());
        s.status(Role.AUTHORIZATION_SERVER, "Signed the user in, got consent, issued a one-time code");
        s.status(Role.CLIENT, "Received the code; state matches ✓ and iss is this server ✓");
    }

    /** (C) The back channel: code, redirect URI and PKCE verifier, with client authentication. */
    Exchange exchange(FlowState s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", s.code);
        form.put("redirect_uri", clients.redirectUri());
        form.put("code_verifier", s.verifier);
        Exchange e = backChannel.send(s, "C", "Exchange the code at the token endpoint", tokenRequest(s, form));
        s.step(Step.C);
        s.status(Role.CLIENT, "Sent the code and the PKCE verifier over the back channel"
                + (s.confidential ? ", authenticated with its secret (HTTP Basic)" : " (public client: no secret)"));
        if (acceptTokens(s, e)) {
            s.consumedCode = s.code;
            s.codeStatus = CodeStatus.CONSUMED;
            s.step(Step.D);
            s.status(Role.AUTHORIZATION_SERVER, "Authenticated the client, checked the verifier, consumed the code, issued tokens");
            s.status(Role.CLIENT, "Received an access token and a refresh token");
            if (s.idToken != null) {
                checkIdToken(s, "D", s.nonce);
            }
        } else {
            s.status(Role.AUTHORIZATION_SERVER, "Refused the exchange: HTTP " + e.status());
            s.outcome = PlaygroundTroubles.outcome("Token request refused", e, false);
            boolean expired = s.codeExpiresAt != null && !clock.instant().isBefore(s.codeExpiresAt);
            s.codeStatus = CodeStatus.REFUSED;
            PlaygroundTroubles.fail(s, Step.D, Role.AUTHORIZATION_SERVER, e, expired
                    ? "The code had expired: it is accepted for " + tokenSettings.codeTtl().toSeconds()
                    + " s after it is issued (RFC 6749 §4.1.2 recommends at most 10 minutes). Build a new request for a new code."
                    : PlaygroundTroubles.explain(PlaygroundTroubles.outcome("", e, false).error()));
        }
        return e;
    }

    /** The token request for this run's client type: HTTP Basic, or client_id alone for a public client. */
    Outgoing tokenRequest(FlowState s, Map<String, String> form) {
        Outgoing out = Outgoing.post("/oauth2/token");
        if (s.confidential) {
            out.basic(PlaygroundClients.CONFIDENTIAL_ID, clients.secret());
        } else {
            form.put("client_id", PlaygroundClients.PUBLIC_ID);
        }
        return out.form(form);
    }

    /** An RFC 7009 revocation request for this run's client (the same authentication as the token request). */
    Outgoing revocationRequest(FlowState s, String token, String tokenTypeHint) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", tokenTypeHint);
        return tokenRequest(s, form).withPath("/oauth2/revoke");
    }

    /** (D) and refresh: keeps the tokens of a successful token response. */
    boolean acceptTokens(FlowState s, Exchange e) {
        if (e.status() != 200) {
            return false;
        }
        try {
            JsonObject json = JsonSupport.PROVIDER.createReader(new StringReader(e.responseBody())).readObject();
            if (s.refreshToken != null) {
                s.rotatedRefreshTokens.add(0, s.refreshToken);
            }
            s.accessToken = json.getString("access_token");
            s.accessExpiresAt = clock.instant().plusSeconds(json.getJsonNumber("expires_in").longValue());
            s.refreshToken = json.getString("refresh_token", null);
            s.idToken = json.getString("id_token", null);
            s.idReport = null;
            s.userInfo = null;
            s.grantedScope = json.getString("scope", s.scopes);
            s.tokenResponse = TokenInspector.pretty(e.responseBody());
            String[] decoded = TokenInspector.decode(s.accessToken);
            s.jwtHeader = decoded[0];
            s.jwtClaims = decoded[1];
            s.checks = List.of();
            s.revoked = false;
            return true;
        } catch (JsonException | ClassCastException | NullPointerException ex) {
            return false;
        }
    }

    /**
     * (D) OpenID Connect: validate the ID token before believing who signed in (OIDC Core
     * §3.1.3.7), with the nonce this session sent ({@code null} after a refresh, §12.2).
     */
    void checkIdToken(FlowState s, String step, String expectedNonce) {
        s.idReport = idTokens.inspect(s, step, s.idToken, s.accessToken, expectedNonce);
        s.status(Role.CLIENT, s.idReport.valid()
                ? "Validated the ID token (signature, iss, aud, exp, iat" + (expectedNonce == null ? "" : ", nonce")
                + "): the user is sub " + s.idReport.subject()
                : "REFUSED the ID token: " + s.idReport.checks().stream().filter(c -> c.status() == IdTokenChecks.Status.FAILED)
                .map(IdTokenChecks.Line::name).findFirst().orElse("invalid"));
    }

    /** (E) and (F) with OpenID Connect: the UserInfo endpoint (OIDC Core §5.3) with the access token. */
    Exchange userInfo(FlowState s) {
        return callApi(s, ApiEndpoint.USERINFO, "E");
    }

    /** (D) Decode the access token and verify it against the JWKS fetched over HTTP. */
    void inspect(FlowState s) {
        s.checks = inspector.verify(s, s.accessToken);
        s.step(Step.D);
        boolean ok = s.checks.stream().allMatch(FlowState.Check::ok);
        s.status(Role.CLIENT, ok ? "Decoded the access token: signature verified against the JWKS ✓"
                : "Decoded the access token: some checks FAILED");
    }

    /** (E) and (F): call the API with the bearer token and show the response. */
    Exchange callApi(FlowState s, ApiEndpoint endpoint, String step) {
        Exchange e = backChannel.send(s, step, "Call " + endpoint.label(), apiRequest(s, endpoint, s.accessToken));
        s.step(Step.E);
        s.status(Role.CLIENT, "Called " + endpoint.label() + " with Authorization: Bearer <access token>");
        s.resource = new FlowState.Resource(endpoint.label(), e.status(), TokenInspector.pretty(e.responseBody()));
        if (endpoint == ApiEndpoint.USERINFO) {
            s.userInfo = IdTokenInspector.userInfo(e, s.idReport);
        }
        if (e.status() < 300) {
            if (endpoint == ApiEndpoint.NOTES_CREATE) {
                s.lastNoteId = noteId(e.responseBody());
            } else if (endpoint == ApiEndpoint.NOTES_DELETE) {
                s.lastNoteId = null;
            }
            s.status(Role.RESOURCE_SERVER, "Verified the token (signature, issuer, audience, expiry) and scope "
                    + endpoint.scope + ": answered " + e.status());
            s.status(Role.CLIENT, "Received " + endpoint.what + " (" + e.status() + ")");
            s.step(Step.F);
        } else {
            s.status(Role.RESOURCE_SERVER, "Refused " + endpoint.label() + ": " + e.status() + " " + bearerError(e));
            String error = bearerError(e);
            boolean expired = s.accessExpiresAt != null && !clock.instant().isBefore(s.accessExpiresAt);
            PlaygroundTroubles.fail(s, Step.F, Role.RESOURCE_SERVER, e, s.revoked
                    ? "This access token's grant was revoked: the resource server refuses it although its signature and expiry are fine."
                    : expired ? "The access token expired: a client refreshes it (or sends the user through (A) again)."
                    : PlaygroundTroubles.explain(error));
        }
        return e;
    }

    Outgoing apiRequest(FlowState s, ApiEndpoint endpoint, String token) {
        String path = endpoint.path.replace("{id}", String.valueOf(s.lastNoteId));
        Outgoing out = switch (endpoint.method) {
            case "POST" -> Outgoing.post(path);
            case "DELETE" -> Outgoing.delete(path);
            default -> Outgoing.get(path);
        };
        out.bearer(token);
        if (endpoint == ApiEndpoint.NOTES_CREATE) {
            out.json(JsonSupport.PROVIDER.createObjectBuilder().add("text", "Written from the Flow Playground at " + clock.instant())
                    .build().toString());
        }
        return out;
    }

    static String bearerError(Exchange e) {
        return e.responseHeaders().stream().filter(h -> h.name().equalsIgnoreCase("www-authenticate"))
                .map(Exchange.Header::value).map(v -> v.replaceAll(".*error=\"([^\"]+)\".*", "$1"))
                .filter(v -> !v.startsWith("Bearer")).findFirst().orElse("");
    }

    private static Long noteId(String body) {
        try {
            return JsonSupport.PROVIDER.createReader(new StringReader(body)).readObject().getJsonNumber("id").longValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** RFC 6749 §3.3 scope tokens only, each once, at most ten. */
    static String scopeTokens(String requested) {
        if (requested == null) {
            return "";
        }
        return Arrays.stream(requested.trim().split("\\s+"))
                .filter(t -> t.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}"))
                .distinct().limit(10).collect(Collectors.joining(" "));
    }
}
