package org.gatehouse.token;

import com.nimbusds.jwt.JWTClaimsSet;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.Serializable;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of an API request: a verified RFC 9068 access token, exposed through the
 * MicroProfile JWT {@link JsonWebToken} interface. Its scopes are {@link #scopes()}; it has no
 * groups: scopes are never container roles (the API checks scopes itself, {@code api.ScopeEnforcement}).
 */
public final class AccessTokenPrincipal implements JsonWebToken, Serializable {

    /** The request attribute under which the authentication mechanism leaves the verified token. */
    public static final String ATTRIBUTE = "gatehouse.access-token";

    private final String rawToken;
    private final transient JWTClaimsSet claims;
    private final Set<String> scopes;

    AccessTokenPrincipal(String rawToken, JWTClaimsSet claims, Set<String> scopes) {
        this.rawToken = rawToken;
        this.claims = claims;
        this.scopes = Set.copyOf(scopes);
    }

    @Override
    public String getName() {
        Object username = claims.getClaim("preferred_username");
        return username != null ? username.toString() : claims.getSubject();
    }

    public Set<String> scopes() {
        return scopes;
    }

    public String clientId() {
        return (String) claims.getClaim("client_id");
    }

    public String grantId() {
        return (String) claims.getClaim("gid");
    }

    /**
     * A token a client obtained for itself (client_credentials, RFC 6749 §4.4): no account behind
     * it. Every token issued to a user carries its grant ({@code gid}); a client's own token has
     * none, and its {@code sub} is the client id (RFC 9068 §2.2).
     */
    public boolean isClientToken() {
        return grantId() == null;
    }

    /** The username of the account the token speaks for; empty for a client's own token. */
    public Optional<String> username() {
        return Optional.ofNullable(claims.getClaim("preferred_username")).map(Object::toString);
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        names.add(Claims.groups.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) rawToken;
        }
        if (Claims.groups.name().equals(name)) {
            return (T) Set.of();
        }
        Object value = claims.getClaim(name);
        if (value instanceof Date date) {
            return (T) Long.valueOf(date.getTime() / 1000);
        }
        if (Claims.aud.name().equals(name)) {
            return (T) Set.copyOf(claims.getAudience());
        }
        if (value instanceof List<?> list) {
            return (T) Set.copyOf(list);
        }
        return (T) value;
    }

    /** None: a token's scopes are not roles. */
    @Override
    public Set<String> getGroups() {
        return Set.of();
    }
}
