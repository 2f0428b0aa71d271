package org.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.gatehouse.platform.SpaceSeparated;

import java.time.Instant;
import java.util.Set;

/**
 * One authorization an account gave a client: the code, every refresh token rotated from it
 * (one "family", RFC 9700 §4.14.2) and every access token (claim {@code gid}) belong to it.
 * Revoking the grant revokes all of them.
 */
@Entity
@Table(name = "token_grant")
public class TokenGrant {

    @Id
    private String id;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "account_id")
    private long accountId;

    @Convert(converter = SpaceSeparated.class)
    private Set<String> scopes;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason")
    private String revokedReason;

    protected TokenGrant() {
    }

    public TokenGrant(String id, String clientId, long accountId, Set<String> scopes, Instant now, Instant expiresAt) {
        this.id = id;
        this.clientId = clientId;
        this.accountId = accountId;
        this.scopes = scopes;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String getId() { return id; }
    public String getClientId() { return clientId; }
    public long getAccountId() { return accountId; }
    public Set<String> getScopes() { return scopes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public void extendTo(Instant expiresAt) { if (expiresAt.isAfter(this.expiresAt)) this.expiresAt = expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedReason() { return revokedReason; }
}
