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
 * A validated authorization request (RFC 6749 §4.1.1) parked server-side while the user signs
 * in and consents. The browser only carries its unguessable id, so nothing the user agent
 * sends later can change the client, redirect URI, scopes, state or PKCE challenge.
 */
@Entity
@Table(name = "pending_authorization")
public class PendingAuthorization {

    @Id
    private String id;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "redirect_uri")
    private String redirectUri;

    @Convert(converter = SpaceSeparated.class)
    private Set<String> scopes;

    @Column(name = "redirect_uri_given")
    private boolean redirectUriGiven;

    private String state;

    @Column(name = "code_challenge")
    private String codeChallenge;

    @Column(name = "code_challenge_method")
    private String codeChallengeMethod;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "requested_from")
    private String requestedFrom;

    /** OIDC Core §3.1.2.1; see {@link OpenIdParameters}. */
    private String nonce;

    /** The prompt values, space-separated (null if none). */
    private String prompt;

    /** The earliest sign-in that counts for this request (prompt=login, max_age), or null. */
    @Column(name = "auth_not_before")
    private Instant authNotBefore;

    @Column(name = "login_hint")
    private String loginHint;

    void requestedFrom(String quotaKey) {
        this.requestedFrom = quotaKey;
    }

    protected PendingAuthorization() {
    }

    public PendingAuthorization(String id, AuthorizationRequest request, Instant now, Instant expiresAt) {
        this.id = id;
        this.clientId = request.clientId();
        this.redirectUri = request.redirectUri();
        this.redirectUriGiven = request.redirectUriGiven();
        this.scopes = request.scopes();
        this.state = request.state();
        this.codeChallenge = request.codeChallenge();
        this.codeChallengeMethod = request.codeChallengeMethod();
        OpenIdParameters openId = request.openId();
        this.nonce = openId.nonce();
        this.prompt = openId.prompt().isEmpty() ? null : String.join(" ", new java.util.TreeSet<>(openId.prompt()));
        this.authNotBefore = openId.authNotBefore(now);
        this.loginHint = openId.loginHint();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String getId() { return id; }
    public String getClientId() { return clientId; }
    public String getRedirectUri() { return redirectUri; }
    public Set<String> getScopes() { return scopes; }
    public boolean isRedirectUriGiven() { return redirectUriGiven; }
    public String getState() { return state; }
    public String getCodeChallenge() { return codeChallenge; }
    public String getCodeChallengeMethod() { return codeChallengeMethod; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getNonce() { return nonce; }
    public Instant getAuthNotBefore() { return authNotBefore; }
    public String getLoginHint() { return loginHint; }

    /** {@code prompt=consent} was asked: the consent page is shown whatever was remembered. */
    public boolean isPromptConsent() {
        return prompt != null && java.util.Arrays.asList(prompt.split(" ")).contains("consent");
    }

    /** Sets the earliest sign-in that counts (a hint naming another account than the signed-in one). */
    void requireSignInAfter(Instant instant) {
        this.authNotBefore = instant;
    }
}
