package org.gatehouse.playground;

import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.gatehouse.config.BootstrapSettings;
import org.gatehouse.user.SessionCaller;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The page's script talks to this: {@code GET /playground/api/state} and one
 * {@code POST /playground/api/<action>} per button. Every POST must carry the session's
 * {@code X-Playground-Csrf} token. Answers are the whole state as JSON (plus {@code navigate} when
 * the browser should go to the authorization endpoint); a button pressed out of order gets 409.
 */
@WebServlet(urlPatterns = "/playground/api/*")
public class PlaygroundApiServlet extends HttpServlet {

    static final String CSRF_HEADER = "X-Playground-Csrf";

    @Inject
    PlaygroundSession session;

    @Inject
    PlaygroundFlow flow;

    @Inject
    PlaygroundTroubles troubles;

    @Inject
    PlaygroundSignOut signOut;

    @Inject
    BootstrapSettings bootstrap;

    @Inject
    Clock clock;

    @Inject
    org.gatehouse.consent.Consents consents;

    @Inject
    PlaygroundClients clients;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!bootstrap.playground() || !"/state".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        FlowState s = session.state();
        synchronized (s) {
            write(response, 200, withConsent(StateJson.of(s, clock.instant()), s, caller(request)), null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!bootstrap.playground()) {
            response.sendError(404);
            return;
        }
        if (!session.csrfMatches(request.getHeader(CSRF_HEADER))) {
            write(response, 403, JsonSupport.PROVIDER.createObjectBuilder().add("message",
                    "Missing or wrong " + CSRF_HEADER + " header: reload the page.").build(), null);
            return;
        }
        String tooLong = tooLong(request);
        if (tooLong != null) {
            write(response, 400, JsonSupport.PROVIDER.createObjectBuilder().add("message",
                    "The parameter " + tooLong + " is too long.").build(), null);
            return;
        }
        String action = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        FlowState s = session.state();
        synchronized (s) {
            String navigate = null;
            boolean ok = true;
            if (!action.equals("secret") && !action.equals("forget-consent")) {
                s.failure = null; // a refusal belongs to the action of the flow that met it
            }
            switch (action) {
                case "build" -> flow.build(s, confidential(request), request.getParameter("scopes"), openid(request));
                case "go" -> {
                    Optional<String> url = flow.go(s);
                    ok = url.isPresent();
                    navigate = url.orElse(null);
                }
                case "exchange" -> ok = s.codeStatus == FlowState.CodeStatus.RECEIVED && flow.exchange(s) != null;
                case "inspect" -> ok = s.accessToken != null && run(() -> flow.inspect(s));
                case "userinfo" -> ok = s.accessToken != null && flow.userInfo(s) != null;
                case "call" -> {
                    Optional<ApiEndpoint> endpoint = ApiEndpoint.named(request.getParameter("endpoint"));
                    ok = s.accessToken != null && endpoint.isPresent()
                            && (endpoint.get() != ApiEndpoint.NOTES_DELETE || s.lastNoteId != null)
                            && flow.callApi(s, endpoint.get(), "E") != null;
                }
                case "refresh" -> ok = s.refreshToken != null && run(() -> troubles.refresh(s));
                case "reuse-refresh" -> ok = !s.rotatedRefreshTokens.isEmpty() && run(() -> troubles.reuseRefresh(s));
                case "revoke" -> ok = s.accessToken != null && run(() -> troubles.revoke(s));
                case "replay" -> ok = s.consumedCode != null && run(() -> troubles.replayCode(s));
                case "tamper" -> ok = s.accessToken != null && run(() -> troubles.tamper(s));
                case "wrong-scope" -> ok = s.accessToken != null && run(() -> troubles.wrongScope(s));
                case "deny" -> {
                    troubles.prepareDeny(s, confidential(request), request.getParameter("scopes"), openid(request), caller(request));
                    navigate = flow.go(s).orElse(null);
                }
                case "sign-out" -> {
                    ok = s.accessToken != null;
                    navigate = ok ? signOut.start(s) : null;
                }
                case "reset" -> s.reset();
                case "forget-consent" -> {
                    Optional<SessionCaller> who = caller(request);
                    ok = who.isPresent();
                    who.ifPresent(c -> consents.forget(c.accountId(), PlaygroundClients.clientId(s.confidential)));
                }
                case "secret" -> {
                    // the confidential playground client's demo secret, on request, for copied curl commands
                    write(response, 200, JsonSupport.PROVIDER.createObjectBuilder(withConsent(StateJson.of(s, clock.instant()), s,
                            caller(request))).add("secret", clients.secret()).build(), null);
                    return;
                }
                default -> {
                    response.sendError(404);
                    return;
                }
            }
            if (!ok) {
                write(response, 409, JsonSupport.PROVIDER.createObjectBuilder().add("message",
                        "That step is not possible now: follow the steps in order, or start again.").build(), null);
                return;
            }
            write(response, 200, withConsent(StateJson.of(s, clock.instant()), s, caller(request)), navigate);
        }
    }

    private static boolean run(Runnable action) {
        action.run();
        return true;
    }

    /** The longest value each parameter the page sends may have; nothing else is read. */
    private static final Map<String, Integer> LIMITS = Map.of("scopes", 700, "clientType", 20, "openid", 10,
            "endpoint", 40);

    /** The name of a parameter longer than its limit, or null. */
    static String tooLong(HttpServletRequest request) {
        if (request.getPathInfo() != null && request.getPathInfo().length() > 40) {
            return "path";
        }
        for (Map.Entry<String, Integer> limit : LIMITS.entrySet()) {
            String value = request.getParameter(limit.getKey());
            if (value != null && value.length() > limit.getValue()) {
                return limit.getKey();
            }
        }
        return null;
    }

    private static boolean openid(HttpServletRequest request) {
        return "on".equals(request.getParameter("openid"));
    }

    private static boolean confidential(HttpServletRequest request) {
        return !"public".equals(request.getParameter("clientType"));
    }

    /**
     * Whether the signed-in user (if any) has a remembered consent for the run's client, so the
     * page can say that the consent page will be skipped and offer to forget it.
     */
    private JsonObject withConsent(JsonObject body, FlowState s, Optional<SessionCaller> caller) {
        JsonObjectBuilder consent = JsonSupport.PROVIDER.createObjectBuilder().add("signedIn", caller.isPresent());
        String clientId = PlaygroundClients.clientId(s.confidential);
        caller.flatMap(c -> consents.forAccount(c.accountId()).stream().filter(x -> x.getClientId().equals(clientId)).findFirst())
                .ifPresentOrElse(x -> consent.add("remembered", true).add("scopes", String.join(" ", x.getScopes())),
                        () -> consent.add("remembered", false).add("scopes", ""));
        return JsonSupport.PROVIDER.createObjectBuilder(body).add("consent", consent).build();
    }

    private static Optional<SessionCaller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SessionCaller.ATTRIBUTE) instanceof SessionCaller c
                ? Optional.of(c) : Optional.empty();
    }

    private static void write(HttpServletResponse response, int status, JsonObject body, String navigate) throws IOException {
        JsonObjectBuilder out = JsonSupport.PROVIDER.createObjectBuilder(body);
        if (navigate != null) {
            out.add("navigate", navigate);
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(out.build().toString());
    }
}
