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
 * One authorization an account gave a client, and its one home: the authorization code that
 * starts it (RFC 6749 §4.1.2, stored as its SHA-256, bound to redirect URI and PKCE challenge),
 * the revocation state, and the id every refresh token of its family (RFC 9700 §4.14.2) and every
 * access token (claim {@code gid}) carries. Revoking the grant revokes all of them.
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

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;

    @Column(name = "code_consumed_at")
    private Instant codeConsumedAt;

    @Column(name = "redirect_uri")
    private String redirectUri;

    @Column(name = "redirect_uri_given")
    private boolean redirectUriGiven;

    @Column(name = "code_challenge")
    private String codeChallenge;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason")
    private String revokedReason;

    /** The OpenID Connect nonce of the request (OIDC Core §3.1.2.1), echoed in the code's ID token. */
    private String nonce;

    /** When the account signed in for this authorization (OIDC Core §2 auth_time). */
    @Column(name = "auth_time")
    private Instant authTime;

    protected TokenGrant() {
    }

    TokenGrant(String id, NewGrant g, String codeHash, Instant now, Instant codeExpiresAt, Instant expiresAt) {
        this.id = id;
        this.clientId = g.clientId();
        this.accountId = g.accountId();
        this.scopes = g.scopes();
        this.codeHash = codeHash;
        this.codeExpiresAt = codeExpiresAt;
        this.redirectUri = g.redirectUri();
        this.redirectUriGiven = g.redirectUriGiven();
        this.codeChallenge = g.codeChallenge();
        this.nonce = g.nonce();
        this.authTime = g.authTime();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isCodeConsumed() {
        return codeConsumedAt != null;
    }

    public boolean isCodeExpired(Instant now) {
        return codeExpiresAt == null || !now.isBefore(codeExpiresAt);
    }

    public String getId() { return id; }
    public String getClientId() { return clientId; }
    public long getAccountId() { return accountId; }
    public Set<String> getScopes() { return scopes; }
    public String getCodeHash() { return codeHash; }
    public String getRedirectUri() { return redirectUri; }
    public boolean isRedirectUriGiven() { return redirectUriGiven; }
    public String getCodeChallenge() { return codeChallenge; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedReason() { return revokedReason; }
    public String getNonce() { return nonce; }
    public Instant getAuthTime() { return authTime; }
}
