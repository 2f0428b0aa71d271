package org.gatehouse.admin.control;

import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.GrantTypes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client page edits. Redirect URIs are one per line; a blank client id on create
 * means "generate one". {@code version} is the entity version the form was loaded from.
 */
public class ClientForm implements Serializable {

    private boolean existing;
    private String clientId;
    private String name;
    private ClientType type = ClientType.CONFIDENTIAL;
    private AuthMethod authMethod = AuthMethod.CLIENT_SECRET_BASIC;
    private String redirectUris;
    private String postLogoutRedirectUris;
    private List<String> allowedScopes = new ArrayList<>();
    private List<String> defaultScopes = new ArrayList<>();
    private List<String> grantTypes = new ArrayList<>(GrantTypes.DEFAULT);
    private boolean requirePkce = true;
    /** As typed (whole seconds, or blank for the server default): read by {@link ClientRules#seconds}, so a
        value that is not a number is one more problem of the same round instead of a conversion error that hides the others. */
    private String accessTokenTtl;
    private String refreshTokenTtl;
    private boolean enabled = true;
    private long version;
    private boolean hasSecret;
    private boolean selfRegistered;

    public static ClientForm of(Client c) {
        ClientForm f = new ClientForm();
        f.existing = true;
        f.clientId = c.getClientId();
        f.name = c.getName();
        f.type = c.getType();
        f.authMethod = c.getAuthMethod();
        f.redirectUris = String.join("\n", c.getRedirectUris());
        f.postLogoutRedirectUris = String.join("\n", c.getPostLogoutRedirectUris());
        f.allowedScopes = new ArrayList<>(c.getAllowedScopes());
        f.defaultScopes = new ArrayList<>(c.getDefaultScopes());
        f.grantTypes = new ArrayList<>(c.getGrantTypes());
        f.requirePkce = c.isRequirePkce();
        f.accessTokenTtl = c.getAccessTokenTtlSeconds() == null ? null : c.getAccessTokenTtlSeconds().toString();
        f.refreshTokenTtl = c.getRefreshTokenTtlSeconds() == null ? null : c.getRefreshTokenTtlSeconds().toString();
        f.enabled = c.isEnabled();
        f.version = c.getVersion();
        f.hasSecret = c.getSecretHash() != null;
        f.selfRegistered = c.isSelfRegistered();
        return f;
    }

    /** The redirect URIs as entered, one per line, blank lines dropped, surrounding space trimmed. */
    public List<String> redirectUriLines() {
        return lines(redirectUris);
    }

    /** The post-logout redirect URIs (OpenID Connect RP-Initiated Logout), read like {@link #redirectUriLines()}. */
    public List<String> postLogoutRedirectUriLines() {
        return lines(postLogoutRedirectUris);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isExisting() { return existing; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ClientType getType() { return type; }
    public void setType(ClientType type) { this.type = type; }
    public AuthMethod getAuthMethod() { return authMethod; }
    public void setAuthMethod(AuthMethod authMethod) { this.authMethod = authMethod; }
    public String getRedirectUris() { return redirectUris; }
    public void setRedirectUris(String redirectUris) { this.redirectUris = redirectUris; }
    public String getPostLogoutRedirectUris() { return postLogoutRedirectUris; }
    public void setPostLogoutRedirectUris(String uris) { this.postLogoutRedirectUris = uris; }
    public List<String> getAllowedScopes() { return allowedScopes; }
    public void setAllowedScopes(List<String> allowedScopes) { this.allowedScopes = allowedScopes == null ? new ArrayList<>() : allowedScopes; }
    public List<String> getDefaultScopes() { return defaultScopes; }
    public void setDefaultScopes(List<String> defaultScopes) { this.defaultScopes = defaultScopes == null ? new ArrayList<>() : defaultScopes; }
    public List<String> getGrantTypes() { return grantTypes; }
    public void setGrantTypes(List<String> grantTypes) { this.grantTypes = grantTypes == null ? new ArrayList<>() : grantTypes; }
    public boolean isRequirePkce() { return requirePkce; }
    public void setRequirePkce(boolean requirePkce) { this.requirePkce = requirePkce; }
    public String getAccessTokenTtl() { return accessTokenTtl; }
    public void setAccessTokenTtl(String accessTokenTtl) { this.accessTokenTtl = accessTokenTtl; }
    public String getRefreshTokenTtl() { return refreshTokenTtl; }
    public void setRefreshTokenTtl(String refreshTokenTtl) { this.refreshTokenTtl = refreshTokenTtl; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public long getVersion() { return version; }
    public boolean isHasSecret() { return hasSecret; }
    /** Registered by the client itself (RFC 7591): consent is asked every time. */
    public boolean isSelfRegistered() { return selfRegistered; }
}
