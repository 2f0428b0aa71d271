package org.gatehouse.client;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.gatehouse.platform.LineSeparated;
import org.gatehouse.platform.SpaceSeparated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A registered OAuth client (RFC 6749 §2). The secret exists here only as its hash. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    @Column(name = "client_id")
    private String clientId;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_type")
    private ClientType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_method")
    private AuthMethod authMethod;

    @Column(name = "secret_hash")
    private String secretHash;

    @Convert(converter = LineSeparated.class)
    @Column(name = "redirect_uris")
    private List<String> redirectUris;

    /** OpenID Connect RP-Initiated Logout 1.0 §3: where the end-session endpoint may send the browser back. */
    @Convert(converter = LineSeparated.class)
    @Column(name = "post_logout_redirect_uris")
    private List<String> postLogoutRedirectUris;

    @Convert(converter = SpaceSeparated.class)
    @Column(name = "allowed_scopes")
    private Set<String> allowedScopes;

    @Convert(converter = SpaceSeparated.class)
    @Column(name = "default_scopes")
    private Set<String> defaultScopes;

    /** RFC 7591 §2 names; see {@link GrantTypes} for what a client may combine. */
    @Convert(converter = SpaceSeparated.class)
    @Column(name = "grant_types")
    private Set<String> grantTypes;

    @Column(name = "require_pkce")
    private boolean requirePkce;

    @Column(name = "access_token_ttl_s")
    private Integer accessTokenTtlSeconds;

    @Column(name = "refresh_token_ttl_s")
    private Integer refreshTokenTtlSeconds;

    private boolean enabled;

    /** Registered through RFC 7591 by the client itself, not by an administrator or the import file. */
    @Column(name = "self_registered")
    private boolean selfRegistered;

    /** SHA-256 of the RFC 7592 registration access token; null for clients that did not register themselves. */
    @Column(name = "registration_token_hash")
    private String registrationTokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Client() {
    }

    public Client(String clientId, ClientType type, Instant now) {
        this.clientId = clientId;
        this.type = type;
        this.authMethod = type == ClientType.PUBLIC ? AuthMethod.NONE : AuthMethod.CLIENT_SECRET_BASIC;
        this.redirectUris = List.of();
        this.postLogoutRedirectUris = List.of();
        this.allowedScopes = Set.of();
        this.defaultScopes = Set.of();
        this.grantTypes = GrantTypes.DEFAULT;
        this.requirePkce = true;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    /** PKCE is mandatory for public clients (OAuth 2.1 §4.1.1), and by default for all. */
    public boolean pkceRequired() {
        return isPublic() || requirePkce;
    }

    public Optional<Duration> accessTokenTtl() {
        return Optional.ofNullable(accessTokenTtlSeconds).map(Duration::ofSeconds);
    }

    public Optional<Duration> refreshTokenTtl() {
        return Optional.ofNullable(refreshTokenTtlSeconds).map(Duration::ofSeconds);
    }

    public String getClientId() { return clientId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ClientType getType() { return type; }
    public void setType(ClientType type) { this.type = type; }
    public AuthMethod getAuthMethod() { return authMethod; }
    public void setAuthMethod(AuthMethod authMethod) { this.authMethod = authMethod; }
    public String getSecretHash() { return secretHash; }
    public void setSecretHash(String secretHash) { this.secretHash = secretHash; }
    public List<String> getRedirectUris() { return redirectUris; }
    public void setRedirectUris(List<String> redirectUris) { this.redirectUris = List.copyOf(redirectUris); }
    public List<String> getPostLogoutRedirectUris() { return postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris; }
    public void setPostLogoutRedirectUris(List<String> uris) { this.postLogoutRedirectUris = List.copyOf(uris); }
    public Set<String> getAllowedScopes() { return allowedScopes; }
    public void setAllowedScopes(Set<String> allowedScopes) { this.allowedScopes = allowedScopes; }
    public Set<String> getDefaultScopes() { return defaultScopes; }
    public void setDefaultScopes(Set<String> defaultScopes) { this.defaultScopes = defaultScopes; }
    public Set<String> getGrantTypes() { return grantTypes; }
    public void setGrantTypes(Set<String> grantTypes) { this.grantTypes = grantTypes; }
    public boolean isRequirePkce() { return requirePkce; }
    public void setRequirePkce(boolean requirePkce) { this.requirePkce = requirePkce; }
    public Integer getAccessTokenTtlSeconds() { return accessTokenTtlSeconds; }
    public void setAccessTokenTtlSeconds(Integer s) { this.accessTokenTtlSeconds = s; }
    public Integer getRefreshTokenTtlSeconds() { return refreshTokenTtlSeconds; }
    public void setRefreshTokenTtlSeconds(Integer s) { this.refreshTokenTtlSeconds = s; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isSelfRegistered() { return selfRegistered; }
    public void setSelfRegistered(boolean selfRegistered) { this.selfRegistered = selfRegistered; }
    public String getRegistrationTokenHash() { return registrationTokenHash; }
    public void setRegistrationTokenHash(String registrationTokenHash) { this.registrationTokenHash = registrationTokenHash; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void touch(Instant now) { this.updatedAt = now; }
    public long getVersion() { return version; }
}
