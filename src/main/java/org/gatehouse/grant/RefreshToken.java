package org.gatehouse.grant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.gatehouse.platform.SpaceSeparated;

import java.time.Instant;
import java.util.Set;

/**
 * An opaque refresh token (RFC 6749 §1.5), stored only as its SHA-256. Rotated on every use
 * (OAuth 2.1 §4.3.1): the presented token is marked rotated by one conditional UPDATE, and a
 * second presentation of a rotated token revokes the whole grant (RFC 9700 §4.14.2).
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "grant_id")
    private String grantId;

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

    @Column(name = "family_expires_at")
    private Instant familyExpiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** The sign-in behind the family (OIDC Core §12.2: a refreshed ID token keeps its auth_time). */
    @Column(name = "auth_time")
    private Instant authTime;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, String grantId, String clientId, long accountId, Set<String> scopes, Instant now,
                 Instant expiresAt, Instant familyExpiresAt, Instant authTime) {
        this.tokenHash = tokenHash;
        this.grantId = grantId;
        this.clientId = clientId;
        this.accountId = accountId;
        this.scopes = scopes;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.familyExpiresAt = familyExpiresAt;
        this.authTime = authTime;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isUsable(Instant now) {
        return rotatedAt == null && revokedAt == null && !isExpired(now);
    }

    public String getTokenHash() { return tokenHash; }
    public String getGrantId() { return grantId; }
    public String getClientId() { return clientId; }
    public long getAccountId() { return accountId; }
    public Set<String> getScopes() { return scopes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getFamilyExpiresAt() { return familyExpiresAt; }
    public Instant getRotatedAt() { return rotatedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getAuthTime() { return authTime; }
}
