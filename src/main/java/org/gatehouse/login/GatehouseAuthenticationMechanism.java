package org.gatehouse.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.platform.RequestOrigin;
import org.gatehouse.throttle.Throttling;
import org.gatehouse.token.AccessTokenPrincipal;
import org.gatehouse.token.AccessTokenVerifier;
import org.gatehouse.token.InvalidAccessTokenException;
import org.gatehouse.platform.Secrets;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.AccountView;
import org.gatehouse.user.BrowserSessions;
import org.gatehouse.user.EndedSessions;
import org.gatehouse.user.SessionCaller;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's one authentication mechanism (Jakarta Security allows one), serving two
 * worlds in one WAR:
 * <ul>
 *   <li>{@code /api/*}: bearer access tokens (RFC 6750 §2.1), verified locally against the
 *   server's key set; the caller becomes a {@link org.eclipse.microprofile.jwt.JsonWebToken}
 *   with <em>no</em> container groups: its scopes stay on the verified token for the API's own
 *   check ({@code api.ScopeEnforcement}) and are never page roles. A bad token is answered here
 *   with 401 and {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750 §3.1).</li>
 *   <li>everything else: a form sign-in whose result lives in the HTTP session; protected pages
 *   send an anonymous visitor to {@code /login}. The session id changes at sign-in. Every
 *   request re-reads the account (from the account cache): its roles are the account's roles
 *   now, and a session whose account was disabled, deleted, lost a role or got a new password
 *   (a changed security stamp) is invalidated at once (see {@link SessionCaller}).</li>
 * </ul>
 * "API or page" is decided on the servlet path the container mapped the request to
 * ({@code getServletPath()} + {@code getPathInfo()}, after normalisation), never on the raw URI:
 * {@code /api/../admin/clients} is the page {@code /admin/clients} and is treated as one.
 * Nothing on the page side ever reads the Authorization header, and nothing on the API side
 * ever reads the session, so a browser's cookies cannot call the API (no CSRF on the API).
 */
@ApplicationScoped
public class GatehouseAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    AccountIdentityStore identityStore;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    AccountCache accounts;

    @Inject
    AuditLog audit;

    @Inject
    Throttling throttling;

    @Inject
    RequestOrigin origin;

    @Inject
    java.time.Clock clock;

    @Inject
    BrowserSessions browserSessions;

    @Inject
    EndedSessions endedSessions;

    @Inject
    org.gatehouse.metrics.Metrics metrics;

    private static final Logger LOG = Logger.getLogger(GatehouseAuthenticationMechanism.class.getName());

    /** Request attribute: until when this username or address may not sign in again ({@link java.time.Instant}). */
    public static final String BLOCKED_UNTIL = "org.gatehouse.login.blockedUntil";
    /** Request attribute, {@link Boolean#TRUE} when the attempt was refused unchecked because of a block. */
    public static final String REFUSED = "org.gatehouse.login.refused";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = servletPath(request);
        if (path.startsWith("/api/") || path.equals("/api")) {
            return bearer(request, response, context);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            return signIn(request, context, credential);
        }
        Optional<AccountView> account = sessionAccount(request);
        if (account.isPresent()) {
            return context.notifyContainerAboutLogin(account.get().username(), account.get().roles());
        }
        if (context.isProtected()) {
            // back to the page as it was asked for (the login page accepts only local paths)
            String asked = request.getRequestURI().substring(request.getContextPath().length());
            String target = asked + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + "/login?next="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        String address = origin.address(request);
        // Blocked (throttle package): refused before the password is checked, and nothing is written.
        Optional<Instant> blocked = throttling.signInBlocked(username, address);
        if (blocked.isPresent()) {
            request.setAttribute(BLOCKED_UNTIL, blocked.get());
            request.setAttribute(REFUSED, Boolean.TRUE);
            metrics.signIn("throttled");
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStore.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            audit.record(AuditType.SIGN_IN_FAILED, username, username,
                    "wrong username or password, or account disabled", address);
            throttling.signInFailed(username, address)
                    .ifPresent(until -> request.setAttribute(BLOCKED_UNTIL, until));
            metrics.signIn("failed");
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttling.signInSucceeded(username);
        AccountView account = accounts.fresh(Long.parseLong(result.getCallerUniqueId())).orElse(null);
        if (account == null || !account.enabled()) {
            return AuthenticationStatus.SEND_FAILURE; // changed between the password check and now
        }
        // No session fixation: a session that existed before the sign-in gets a new id (keeping what
        // it holds, e.g. a playground run); usually there is none (the sign-in page is stateless).
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (session.getAttribute(SessionCaller.ATTRIBUTE) instanceof SessionCaller previous) {
                endListed(previous.sessionId()); // signing in again over a session: the earlier sign-in is over
            }
            request.changeSessionId();
        } else {
            session = request.getSession(true);
        }
        Instant now = clock.instant();
        session.setAttribute(SessionCaller.ATTRIBUTE, SessionCaller.of(account, now, listed(account, request, address)));
        session.setAttribute(SessionCaller.SEEN, now);
        audit.record(AuditType.SIGN_IN, result.getCallerPrincipal().getName(), result.getCallerPrincipal().getName(),
                null, address);
        metrics.signIn("succeeded");
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The signed-in account as it is now, if the session has one and may still act for it;
     * otherwise a session that had a caller is invalidated (signed out everywhere it is used).
     */
    private Optional<AccountView> sessionAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SessionCaller.ATTRIBUTE) instanceof SessionCaller caller)) {
            return Optional.empty();
        }
        Optional<AccountView> account = caller.current(accounts, endedSessions);
        if (account.isEmpty()) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // a concurrent request of the same session got here first
            }
        } else {
            markSeen(session, caller.sessionId());
        }
        return account;
    }

    /**
     * The session's row in the Sessions list, and its id; if the database cannot take the row now,
     * an id with no row (the list misses this session; its sign-out still reaches every node).
     */
    private String listed(AccountView account, HttpServletRequest request, String address) {
        try {
            return browserSessions.started(account, address, request.getHeader("User-Agent"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signed in without a Sessions entry (the database refused it): {0}", e.toString());
            return Secrets.random(24);
        }
    }

    private void endListed(String sessionId) {
        try {
            browserSessions.ended(sessionId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not end a Sessions entry", e);
        }
    }

    /** At most once a minute per session, records that it is in use; a failure only delays the next mark. */
    private void markSeen(HttpSession session, String sessionId) {
        Instant now = clock.instant();
        Object last = session.getAttribute(SessionCaller.SEEN);
        if (last instanceof Instant seen && seen.plus(BrowserSessions.SEEN_EVERY).isAfter(now)) {
            return;
        }
        session.setAttribute(SessionCaller.SEEN, now);
        try {
            browserSessions.seen(sessionId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not mark a session as seen", e);
        }
    }

    /**
     * The path inside the application as the container mapped it: normalised ({@code ..} and
     * {@code //} resolved, percent-decoded), the same path the security constraints are matched on.
     */
    static String servletPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return context.doNothing(); // anonymous; the API answers 401 where a scope is required
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            metrics.bearerRejected();
            return reject(response, "The Authorization header must carry a Bearer token");
        }
        try {
            var principal = verifier.verify(header.substring(7).trim());
            request.setAttribute(AccessTokenPrincipal.ATTRIBUTE, principal);
            return context.notifyContainerAboutLogin(principal, Set.of()); // scopes are not roles
        } catch (InvalidAccessTokenException e) {
            metrics.bearerRejected();
            return reject(response, e.getMessage());
        }
    }

    private static AuthenticationStatus reject(HttpServletResponse response, String description) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\", error=\"invalid_token\", error_description=\""
                    + description + "\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"invalid_token\",\"error_description\":\"" + description + "\"}");
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
