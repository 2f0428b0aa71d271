package org.gatehouse.playground;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one browser session's playground knows: the request it built, what came back, the
 * tokens it holds, what each role is doing, and the log. Mutated only by {@link PlaygroundFlow}
 * and {@link PlaygroundTroubles}, always while holding this object's monitor.
 */
public class FlowState implements Serializable {

    /** The four roles of RFC 6749 §1.1 as the page shows them. */
    public enum Role { CLIENT, BROWSER, AUTHORIZATION_SERVER, RESOURCE_SERVER }

    /** The arrows of the diagram (RFC 6749 §4.1 (A)–(E), with the resource response as (F)). */
    public enum Step { A, B, C, D, E, F }

    /** What happened to the authorization code (REFUSED: the token endpoint would not take it). */
    public enum CodeStatus { NONE, RECEIVED, CONSUMED, REFUSED }

    /** A parameter of the authorization request with a one-line explanation. */
    public record Param(String name, String value, String explanation) implements Serializable {
    }

    /** One line of the token verification checklist. */
    public record Check(String name, boolean ok, String detail) implements Serializable {
    }

    /** The outcome of a "what goes wrong" run, or of refresh/revoke. */
    public record Outcome(String title, int status, String error, String explanation, boolean expected)
            implements Serializable {
    }

    /**
     * The step whose answer was a refusal, the role that refused, the server's answer (status,
     * {@code error}, {@code error_description}) and one line saying why, from what this run did.
     */
    public record Failure(Step step, Role role, int status, String error, String description, String reason)
            implements Serializable {
    }

    /** The last API response. */
    public record Resource(String endpoint, int status, String body) implements Serializable {
    }

    private static final int MAX_LOG = 80;

    // the request (A)
    boolean confidential = true;
    String scopes = String.join(" ", PlaygroundClients.DEFAULT_SCOPES);
    /** The page's "OpenID Connect" switch: openid in the scope, a nonce in the request. */
    boolean openid;
    String state;
    /** OpenID Connect's nonce (OIDC Core §3.1.2.1), sent in (A), expected back inside the ID token. */
    String nonce;
    String verifier;
    String challenge;
    boolean stateAnswered;
    String authorizationUrl;
    List<Param> params = List.of();

    // the answer (B)
    String code;
    String consumedCode;
    CodeStatus codeStatus = CodeStatus.NONE;
    /** When the code received in (B) stops being accepted (the server's code lifetime after its arrival). */
    Instant codeExpiresAt;
    /** The used code was sent again (and refused): sending it once more can only fail the same way. */
    boolean replayed;
    Boolean stateMatched;

    // the tokens (C, D)
    String accessToken;
    Instant accessExpiresAt;
    String grantedScope;
    String refreshToken;
    List<String> rotatedRefreshTokens = new ArrayList<>();
    boolean revoked;
    String tokenResponse;
    String jwtHeader;
    String jwtClaims;
    List<Check> checks = List.of();

    // OpenID Connect: the ID token of the last token response, as the client validated it; UserInfo
    String idToken;
    IdTokenChecks.Report idReport;
    IdTokenChecks.UserInfoView userInfo;

    // the API (E, F)
    Resource resource;
    Long lastNoteId;

    // RP-initiated logout: the state sent to the end-session endpoint, and whether the browser came back with it
    String signOutState;
    boolean signedOut;

    Outcome outcome;
    /** The refusal of the last action, if it was refused (cleared when the next action starts). */
    Failure failure;
    Step current;
    Set<Step> done = EnumSet.noneOf(Step.class);
    Map<Role, String> status = idle();
    private final Deque<Exchange> log = new ArrayDeque<>();
    private int sequence;

    private static Map<Role, String> idle() {
        Map<Role, String> m = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            m.put(r, "Idle");
        }
        return m;
    }

    /** Forgets the current run (the log stays, so a second run can be compared with the first). */
    void newRun() {
        state = nonce = verifier = challenge = authorizationUrl = code = consumedCode = signOutState = null;
        signedOut = false;
        stateAnswered = false;
        stateMatched = null;
        params = List.of();
        codeStatus = CodeStatus.NONE;
        codeExpiresAt = null;
        replayed = false;
        failure = null;
        dropTokens();
        resource = null;
        lastNoteId = null;
        outcome = null;
        current = null;
        done = EnumSet.noneOf(Step.class);
        status = idle();
    }

    void dropTokens() {
        accessToken = refreshToken = grantedScope = tokenResponse = jwtHeader = jwtClaims = idToken = null;
        idReport = null;
        userInfo = null;
        accessExpiresAt = null;
        rotatedRefreshTokens = new ArrayList<>();
        revoked = false;
        checks = List.of();
    }

    void reset() {
        newRun();
        log.clear();
    }

    void step(Step step) {
        if (current != null && current != step) {
            done.add(current);
        }
        current = step;
    }

    void status(Role role, String text) {
        status.put(role, text);
    }

    int nextId() {
        return ++sequence;
    }

    void log(Exchange exchange) {
        log.addFirst(exchange);
        while (log.size() > MAX_LOG) {
            log.removeLast();
        }
    }

    List<Exchange> log() {
        return List.copyOf(log);
    }

    boolean hasUsableToken() {
        return accessToken != null;
    }
}
