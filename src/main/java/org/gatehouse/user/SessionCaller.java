package org.gatehouse.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is signed in on this browser session, kept in the HTTP session (which, in a cluster, Payara's
 * data grid holds for every node: web.xml's {@code <distributable/>}): the account and the
 * security stamp it had at sign-in. The roles are not kept: every
 * page request takes them from the account as it is now ({@link #current}), so a removed role is
 * gone at the next request. A session whose account is gone, disabled or has another stamp (a role
 * removed, the account disabled, the password reset, on any node) is over; the account cache that
 * answers this is evicted on every node through the change feed, so no session replication is
 * needed for a change to reach every node's sessions. {@code authTime} is when the password was
 * checked (OpenID Connect's {@code auth_time}, which {@code max_age} and {@code prompt=login} measure);
 * {@code sessionId} names the session's row in the admin console's Sessions list ({@link BrowserSessions})
 * and its sign-out to every node ({@link EndedSessions}).
 */
public record SessionCaller(long accountId, String username, long securityStamp, Instant authTime, String sessionId)
        implements Serializable {

    public static final String ATTRIBUTE = "gatehouse.caller";
    /** Session attribute: when this session last told {@link BrowserSessions} it is in use ({@link Instant}). */
    public static final String SEEN = "gatehouse.seen";

    /**
     * The signed-in caller of an account as it is now (read fresh at sign-in); {@code sessionId}
     * is its row in {@link BrowserSessions} (a random id with no row if the row could not be written).
     */
    public static SessionCaller of(AccountView account, Instant authTime, String sessionId) {
        return new SessionCaller(account.id(), account.username(), account.securityStamp(), authTime, sessionId);
    }

    /**
     * Who is signed in on this request's session, as the sign-in mechanism left it: a container
     * login and the caller it stored. Creates no session.
     */
    public static Optional<SessionCaller> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || request.getUserPrincipal() == null) {
            return Optional.empty();
        }
        return session.getAttribute(ATTRIBUTE) instanceof SessionCaller c ? Optional.of(c) : Optional.empty();
    }

    public SessionCaller {
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /**
     * The account as it is now, if this session may still act for it; empty if the session is
     * over: signed out (on any node: a copy of a session signed out elsewhere in a cluster acts no
     * more than the original), or its account disabled, gone or changed in what it may do.
     */
    public Optional<AccountView> current(AccountCache accounts, EndedSessions ended) {
        if (ended.isEnded(sessionId)) {
            return Optional.empty();
        }
        return accounts.byId(accountId).filter(a -> a.enabled() && a.securityStamp() == securityStamp);
    }
}
