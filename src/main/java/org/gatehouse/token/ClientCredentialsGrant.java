package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.error.OAuthException;
import org.gatehouse.platform.SpaceSeparated;

import java.util.Set;

/**
 * {@code grant_type=client_credentials} (RFC 6749 §4.4): a confidential client asks for an access
 * token for itself, with no user involved. Only confidential clients (§4.4: "MUST only be used by
 * confidential clients"; a public one is {@code unauthorized_client}); that the client is
 * registered for the grant type is checked before, by {@link GrantHandlers}. {@code scope} is
 * optional (§4.4.2): omitted, the client's default scopes apply; requested, every scope must be
 * allowed for the client, otherwise {@code invalid_scope} (§3.3, §5.2). The answer is an RFC 9068
 * access token whose subject is the client itself and no refresh token (§4.4.3).
 * <p>
 * Nothing is stored: the client was found through the cached lookup of client authentication,
 * and the token is a self-contained JWT with no grant behind it, so a successful request costs no
 * database access at all. <b>Audit:</b> for the same reason a successful token is <em>not</em>
 * written to the audit log (that would be a database write per request); refusals of an
 * authenticated client are (type {@code GRANT_REFUSED}), and failed client authentication
 * already is ({@code CLIENT_AUTH_FAILED}, by {@link org.gatehouse.client.ClientAuthentication}).
 */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

    @Inject
    TokenIssuer issuer;

    @Inject
    AuditLog audit;

    @Override
    public String grantType() {
        return GrantTypes.CLIENT_CREDENTIALS;
    }

    @Override
    public TokenResponse handle(TokenRequest request, ClientView client) {
        if (client.isPublic()) {
            throw refused(client, "public client", OAuthException.unauthorizedClient(
                    "client_credentials is only for confidential clients"));
        }
        return issuer.issueForClient(client, scopes(request, client));
    }

    private Set<String> scopes(TokenRequest request, ClientView client) {
        Set<String> requested = SpaceSeparated.parse(request.param("scope").orElse(null));
        if (requested.isEmpty()) {
            if (client.defaultScopes().isEmpty()) {
                throw refused(client, "no scope requested and no default scope",
                        OAuthException.invalidScope("No scope was requested and the client has no default scope"));
            }
            return client.defaultScopes();
        }
        if (!client.allowedScopes().containsAll(requested)) {
            throw refused(client, "scope outside the allowed scopes: " + String.join(" ", requested),
                    OAuthException.invalidScope("The requested scope is not allowed for this client"));
        }
        return requested;
    }

    private OAuthException refused(ClientView client, String why, OAuthException error) {
        audit.record(AuditType.GRANT_REFUSED, client.clientId(), client.clientId(), "client_credentials refused: " + why);
        return error;
    }
}
