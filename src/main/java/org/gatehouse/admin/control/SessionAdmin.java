package org.gatehouse.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.user.BrowserSessions;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The Sessions view: who is signed in (one row per browser session, {@link BrowserSessions}),
 * and "sign this user out", which ends every session of the account on every node at its next
 * request ({@link AccountAdmin#signOutEverywhere}: a new security stamp, the same rule as a
 * disabled account or a new password) and takes them off the list at once.
 */
@ApplicationScoped
public class SessionAdmin {

    /** A signed-in session as the page shows it. */
    public static final class Row implements Serializable {
        private final String key;
        private final long accountId;
        private final String username;
        private final Instant signedInAt;
        private final Instant lastSeenAt;
        private final String address;
        private final String browser;
        private final String userAgent;

        Row(BrowserSessions.Active a) {
            this.key = Integer.toHexString(a.session().getId().hashCode()) + "-" + a.session().getSignedInAt().toEpochMilli();
            this.accountId = a.session().getAccountId();
            this.username = a.username();
            this.signedInAt = a.session().getSignedInAt();
            this.lastSeenAt = a.session().getLastSeenAt();
            this.address = a.session().getAddress();
            this.userAgent = a.session().getUserAgent();
            this.browser = browser(userAgent);
        }

        /** A row key for the table that does not reveal the session's handle. */
        public String getKey() { return key; }
        public long getAccountId() { return accountId; }
        public String getUsername() { return username; }
        public Instant getSignedInAt() { return signedInAt; }
        public Instant getLastSeenAt() { return lastSeenAt; }
        public String getAddress() { return address; }
        public String getBrowser() { return browser; }
        public String getUserAgent() { return userAgent; }
    }

    @Inject
    BrowserSessions sessions;

    @Inject
    AccountAdmin accounts;

    public long count(String search) {
        return sessions.countActive(Sort.blank(search) ? null : Sort.contains(search));
    }

    public List<Row> page(String search, int first, int max) {
        return sessions.active(Sort.blank(search) ? null : Sort.contains(search), first, max).stream().map(Row::new).toList();
    }

    /** Ends every session of the account (audited as {@code ACCOUNT_SIGNED_OUT}); refuses the administrator's own. */
    public void signOut(long accountId, Actor actor) {
        if (accounts.username(accountId).filter(actor.username()::equals).isPresent()) {
            throw InvalidInput.of(InvalidInput.FORM, "That is you: use Sign out at the top of the page to end your own session.");
        }
        accounts.signOutEverywhere(accountId, actor);
    }

    /** "Chrome 131 on Linux" from a User-Agent header; "Unknown browser" when it says nothing known. */
    static String browser(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String name = product(userAgent, "Edg/", "Edge") != null ? product(userAgent, "Edg/", "Edge")
                : product(userAgent, "Firefox/", "Firefox") != null ? product(userAgent, "Firefox/", "Firefox")
                : product(userAgent, "Chrome/", "Chrome") != null ? product(userAgent, "Chrome/", "Chrome")
                : userAgent.contains("Safari/") && product(userAgent, "Version/", "Safari") != null ? product(userAgent, "Version/", "Safari")
                : null;
        String system = userAgent.contains("Android") ? "Android" : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Windows") ? "Windows" : userAgent.contains("Mac OS X") ? "macOS"
                : userAgent.contains("Linux") ? "Linux" : null;
        if (name == null) {
            return system == null ? "Unknown browser" : "A browser on " + system;
        }
        return system == null ? name : name + " on " + system;
    }

    private static String product(String userAgent, String token, String label) {
        int at = userAgent.indexOf(token);
        if (at < 0) {
            return null;
        }
        int start = at + token.length();
        int end = start;
        while (end < userAgent.length() && Character.isDigit(userAgent.charAt(end))) {
            end++;
        }
        return end > start ? label + " " + userAgent.substring(start, end) : label;
    }
}
