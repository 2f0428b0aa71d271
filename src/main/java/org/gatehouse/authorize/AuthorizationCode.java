package org.gatehouse.authorize;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.gatehouse.platform.SpaceSeparated;

import java.time.Instant;
import java.util.Set;

/**
 * A one-time authorization code (RFC 6749 §4.1.2), stored only as the SHA-256 of its value and
 * bound to client, redirect URI, account, scopes and PKCE challenge. Single use is enforced by
 * one conditional UPDATE in {@link AuthorizationCodes#consume}.
 */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode {

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "grant_id")
    private String grantId;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "account_id")
    private long accountId;

    @Column(name = "redirect_uri")
    private String redirectUri;

    @Convert(converter = SpaceSeparated.class)
    private Set<String> scopes;

    @Column(name = "redirect_uri_given")
    private boolean redirectUriGiven;

    @Column(name = "code_challenge")
    private String codeChallenge;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, String grantId, PendingAuthorization request, long accountId,
                             Instant now, Instant expiresAt) {
        this.codeHash = codeHash;
        this.grantId = grantId;
        this.clientId = request.getClientId();
        this.accountId = accountId;
        this.redirectUri = request.getRedirectUri();
        this.redirectUriGiven = request.isRedirectUriGiven();
        this.scopes = request.getScopes();
        this.codeChallenge = request.getCodeChallenge();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isConsumed() {
        return consumedAt != null;
    }

    public String getCodeHash() { return codeHash; }
    public String getGrantId() { return grantId; }
    public String getClientId() { return clientId; }
    public long getAccountId() { return accountId; }
    public String getRedirectUri() { return redirectUri; }
    public Set<String> getScopes() { return scopes; }
    public boolean isRedirectUriGiven() { return redirectUriGiven; }
    public String getCodeChallenge() { return codeChallenge; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getConsumedAt() { return consumedAt; }
}
