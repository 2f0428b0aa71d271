package org.gatehouse.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An initial access token (RFC 7591 §3, §1.2): handed out by an administrator, it lets whoever
 * holds it register at most {@code maxUses} clients before it expires. Only its SHA-256 is kept.
 */
@Entity
@Table(name = "initial_access_token")
public class InitialAccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash")
    private String tokenHash;

    private String label;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "max_uses")
    private int maxUses;

    private int uses;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected InitialAccessToken() {
    }

    InitialAccessToken(String tokenHash, String label, String createdBy, Instant createdAt, Instant expiresAt, int maxUses) {
        this.tokenHash = tokenHash;
        this.label = label;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.maxUses = maxUses;
    }

    /** Whether it may register a client at {@code now}. */
    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && uses < maxUses;
    }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    public Long getId() { return id; }
    public String getLabel() { return label; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public int getMaxUses() { return maxUses; }
    public int getUses() { return uses; }
    public Instant getRevokedAt() { return revokedAt; }
}
