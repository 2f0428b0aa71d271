package org.gatehouse.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One signed-in browser session as the admin console lists it ({@link BrowserSessions}). */
@Entity
@Table(name = "browser_session")
public class BrowserSession {

    @Id
    private String id;

    @Column(name = "account_id")
    private long accountId;

    @Column(name = "security_stamp")
    private long securityStamp;

    @Column(name = "signed_in_at")
    private Instant signedInAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    private String address;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected BrowserSession() {
    }

    BrowserSession(String id, long accountId, long securityStamp, Instant now, String address,
                   String userAgent) {
        this.id = id;
        this.accountId = accountId;
        this.securityStamp = securityStamp;
        this.signedInAt = now;
        this.lastSeenAt = now;
        this.address = address;
        this.userAgent = userAgent;
    }

    public String getId() { return id; }
    public long getAccountId() { return accountId; }
    public long getSecurityStamp() { return securityStamp; }
    public Instant getSignedInAt() { return signedInAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public String getAddress() { return address; }
    public String getUserAgent() { return userAgent; }
    public Instant getEndedAt() { return endedAt; }
}
