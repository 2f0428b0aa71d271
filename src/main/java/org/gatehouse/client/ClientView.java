package org.gatehouse.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An immutable snapshot of a registered client, as the protocol endpoints need it. */
public record ClientView(String clientId, String name, ClientType type, AuthMethod authMethod, String secretHash,
                         List<String> redirectUris, Set<String> allowedScopes, Set<String> defaultScopes,
                         Set<String> grantTypes, boolean pkceRequired, Optional<Duration> accessTokenTtl,
                         Optional<Duration> refreshTokenTtl, boolean enabled, boolean selfRegistered,
                         List<String> postLogoutRedirectUris) {

    public static ClientView of(Client c) {
        return new ClientView(c.getClientId(), c.getName(), c.getType(), c.getAuthMethod(), c.getSecretHash(),
                List.copyOf(c.getRedirectUris()), Set.copyOf(c.getAllowedScopes()), Set.copyOf(c.getDefaultScopes()),
                Set.copyOf(c.getGrantTypes()), c.pkceRequired(), c.accessTokenTtl(), c.refreshTokenTtl(), c.isEnabled(),
                c.isSelfRegistered(), List.copyOf(c.getPostLogoutRedirectUris()));
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    /** Whether the client is registered for this grant type (RFC 6749 §4.1.2.1, §5.2 {@code unauthorized_client}). */
    public boolean allows(String grantType) {
        return grantTypes.contains(grantType);
    }
}
