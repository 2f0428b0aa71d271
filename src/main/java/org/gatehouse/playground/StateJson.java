package org.gatehouse.playground;

import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.gatehouse.playground.Exchange.Header;
import org.gatehouse.playground.FlowState.Role;
import org.gatehouse.playground.FlowState.Step;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The state as the page's script reads it. Holds what the user is meant to see (tokens, code,
 * verifier: it is their own flow) and never the client secret, which is not in the state at all.
 */
final class StateJson {

    private StateJson() {
    }

    static JsonObject of(FlowState s, Instant now) {
        JsonObjectBuilder json = JsonSupport.PROVIDER.createObjectBuilder()
                .add("now", now.toEpochMilli())
                .add("confidential", s.confidential)
                .add("openid", s.openid)
                .add("scopes", s.scopes)
                .add("current", s.current == null ? "" : s.current.name());
        JsonArrayBuilder done = JsonSupport.PROVIDER.createArrayBuilder();
        s.done.stream().map(Step::name).forEach(done::add);
        json.add("done", done);
        JsonObjectBuilder status = JsonSupport.PROVIDER.createObjectBuilder();
        for (Role r : Role.values()) {
            status.add(r.name(), s.status.get(r));
        }
        json.add("status", status);
        JsonArrayBuilder params = JsonSupport.PROVIDER.createArrayBuilder();
        s.params.forEach(p -> params.add(JsonSupport.PROVIDER.createObjectBuilder().add("name", p.name()).add("value", p.value())
                .add("explanation", p.explanation())));
        json.add("authorization", JsonSupport.PROVIDER.createObjectBuilder().add("url", text(s.authorizationUrl)).add("params", params)
                .add("sent", s.stateAnswered));
        json.add("vars", vars(s));
        json.add("token", token(s));
        json.add("idToken", idToken(s));
        json.add("signOut", JsonSupport.PROVIDER.createObjectBuilder().add("state", text(s.signOutState))
                .add("signedOut", s.signedOut));
        if (s.resource != null) {
            json.add("resource", JsonSupport.PROVIDER.createObjectBuilder().add("endpoint", s.resource.endpoint())
                    .add("status", s.resource.status()).add("body", text(s.resource.body())));
        }
        if (s.outcome != null) {
            json.add("outcome", JsonSupport.PROVIDER.createObjectBuilder().add("title", s.outcome.title()).add("status", s.outcome.status())
                    .add("error", s.outcome.error()).add("explanation", s.outcome.explanation())
                    .add("expected", s.outcome.expected()));
        }
        if (s.failure != null) {
            FlowState.Failure f = s.failure;
            json.add("failure", JsonSupport.PROVIDER.createObjectBuilder().add("step", f.step().name()).add("role", role(f.role()))
                    .add("status", f.status()).add("error", f.error()).add("description", f.description()).add("reason", f.reason()));
        }
        json.add("can", can(s));
        json.add("why", why(s));
        JsonArrayBuilder log = JsonSupport.PROVIDER.createArrayBuilder();
        s.log().forEach(e -> log.add(exchange(e)));
        json.add("log", log);
        return json.build();
    }

    private static JsonObjectBuilder vars(FlowState s) {
        return JsonSupport.PROVIDER.createObjectBuilder()
                .add("code", s.codeStatus.name().toLowerCase())
                .add("codeValue", text(s.code))
                .add("codeExpiresAt", s.codeExpiresAt == null ? 0 : s.codeExpiresAt.toEpochMilli())
                .add("state", text(s.state))
                .add("nonce", text(s.nonce))
                .add("idToken", text(s.idToken))
                .add("stateMatched", s.stateMatched == null ? "" : s.stateMatched ? "matches" : "MISMATCH")
                .add("verifier", text(s.verifier))
                .add("challenge", text(s.challenge))
                .add("accessToken", text(s.accessToken))
                .add("accessExpiresAt", s.accessExpiresAt == null ? 0 : s.accessExpiresAt.toEpochMilli())
                .add("refreshToken", text(s.refreshToken))
                .add("rotated", strings(s.rotatedRefreshTokens))
                .add("revoked", s.revoked)
                .add("grantedScope", text(s.grantedScope));
    }

    private static JsonObjectBuilder token(FlowState s) {
        JsonArrayBuilder checks = JsonSupport.PROVIDER.createArrayBuilder();
        s.checks.forEach(c -> checks.add(JsonSupport.PROVIDER.createObjectBuilder().add("name", c.name()).add("ok", c.ok()).add("detail", c.detail())));
        return JsonSupport.PROVIDER.createObjectBuilder().add("response", text(s.tokenResponse)).add("header", text(s.jwtHeader))
                .add("claims", text(s.jwtClaims)).add("checks", checks);
    }

    /** OpenID Connect: the ID token as the client validated it, and the last UserInfo answer. */
    private static JsonObjectBuilder idToken(FlowState s) {
        JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder().add("present", s.idReport != null);
        if (s.idReport != null) {
            b.add("header", text(s.idReport.header())).add("claims", text(s.idReport.claims()))
                    .add("rows", claims(s.idReport.claimRows())).add("checks", lines(s.idReport.checks()))
                    .add("valid", s.idReport.valid());
        }
        if (s.userInfo != null) {
            JsonArrayBuilder check = JsonSupport.PROVIDER.createArrayBuilder();
            check.add(line(s.userInfo.subject()));
            b.add("userInfo", JsonSupport.PROVIDER.createObjectBuilder().add("status", s.userInfo.status())
                    .add("rows", claims(s.userInfo.claims())).add("checks", check));
        }
        return b;
    }

    private static JsonArrayBuilder claims(List<IdTokenChecks.Claim> claims) {
        JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
        claims.forEach(c -> a.add(JsonSupport.PROVIDER.createObjectBuilder().add("name", c.name()).add("value", c.value())
                .add("meaning", c.meaning())));
        return a;
    }

    private static JsonArrayBuilder lines(List<IdTokenChecks.Line> lines) {
        JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
        lines.forEach(l -> a.add(line(l)));
        return a;
    }

    private static JsonObjectBuilder line(IdTokenChecks.Line l) {
        return JsonSupport.PROVIDER.createObjectBuilder().add("name", l.name()).add("status", l.status().name().toLowerCase())
                .add("detail", l.detail()).add("why", l.why());
    }

    /**
     * Which buttons make sense now; the server re-checks every one anyway. A button whose request
     * could only be refused again the same way (a replayed code, a revoked grant's refresh token)
     * is off, and {@link #why} says why.
     */
    private static JsonObjectBuilder can(FlowState s) {
        boolean token = s.accessToken != null;
        return JsonSupport.PROVIDER.createObjectBuilder()
                .add("go", s.authorizationUrl != null && !s.stateAnswered)
                .add("exchange", s.codeStatus == FlowState.CodeStatus.RECEIVED)
                .add("inspect", token)
                .add("callApi", token)
                .add("userInfo", token && s.grantedScope != null
                        && List.of(s.grantedScope.split(" ")).contains(PlaygroundClients.OPENID))
                .add("deleteNote", token && s.lastNoteId != null)
                .add("refresh", s.refreshToken != null && !s.revoked)
                .add("reuseRefresh", !s.rotatedRefreshTokens.isEmpty() && !s.revoked)
                .add("revoke", token && !s.revoked)
                .add("replay", s.consumedCode != null && !s.replayed)
                .add("tamper", token)
                .add("wrongScope", token && PlaygroundTroubles.missingScope(s).isPresent())
                .add("signOut", token);
    }

    /** For the "beyond the happy path" buttons that are off: one line on why, and what would make them work. */
    static JsonObjectBuilder why(FlowState s) {
        boolean token = s.accessToken != null;
        JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
        String noTokens = "Run the flow to (D) first: there is no token yet.";
        if (s.refreshToken == null) {
            b.add("refresh", token ? "This token response carried no refresh token." : noTokens);
        } else if (s.revoked) {
            b.add("refresh", "The grant is revoked: its refresh token would only be refused (invalid_grant). Start over for a new grant.");
        }
        if (s.rotatedRefreshTokens.isEmpty()) {
            b.add("reuseRefresh", "Refresh once first: only a refresh token that rotation replaced can be reused.");
        } else if (s.revoked) {
            b.add("reuseRefresh", "The grant is already revoked: a reuse would only be refused again.");
        }
        if (!token) {
            b.add("revoke", noTokens).add("tamper", noTokens).add("wrongScope", noTokens);
        } else {
            if (s.revoked) {
                b.add("revoke", "Already revoked: the grant, its refresh tokens and its access tokens are dead.");
            }
            if (PlaygroundTroubles.missingScope(s).isEmpty()) {
                b.add("wrongScope", "This token holds every scope the API checks (profile, notes:read, notes:write, openid):"
                        + " start over with fewer scopes (leave out notes:write) to see a 403 insufficient_scope.");
            }
        }
        if (s.consumedCode == null) {
            b.add("replay", "Exchange a code first (C): only a code that was used can be replayed.");
        } else if (s.replayed) {
            b.add("replay", "Already replayed: the server refused the code and revoked what it issued. A new run gets a new code.");
        }
        return b;
    }

    private static String role(Role r) {
        return switch (r) {
            case CLIENT -> "client";
            case BROWSER -> "browser";
            case AUTHORIZATION_SERVER -> "as";
            case RESOURCE_SERVER -> "rs";
        };
    }

    private static JsonObjectBuilder exchange(Exchange e) {
        JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder().add("id", e.id()).add("at", e.at().toString())
                .add("step", e.step()).add("title", e.title()).add("front", e.front()).add("method", e.method())
                .add("url", e.url()).add("requestHeaders", headers(e.requestHeaders()))
                .add("requestBody", text(e.requestBody())).add("status", e.status())
                .add("responseHeaders", headers(e.responseHeaders())).add("responseBody", text(e.responseBody()))
                .add("curl", e.curl());
        return b;
    }

    private static JsonArrayBuilder headers(List<Header> headers) {
        JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
        headers.forEach(h -> a.add(h.name() + ": " + h.value()));
        return a;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
