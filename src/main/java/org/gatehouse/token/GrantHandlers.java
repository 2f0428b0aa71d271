package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The token endpoint's {@link GrantHandler} beans by grant type, and the one place that decides
 * whether an authenticated client may use one, for every handler alike (RFC 6749 §5.2): a grant
 * type no handler serves is {@code unsupported_grant_type}; one the client is not registered for
 * is {@code unauthorized_client}, and that refusal is audited (the client has authenticated, so
 * only a registered client can cause such a row). The metadata's {@code grant_types_supported}
 * (RFC 8414 §2) is read from here too, so it always names exactly the deployed handlers.
 */
@ApplicationScoped
public class GrantHandlers {

    @Inject
    Instance<GrantHandler> handlers;

    @Inject
    AuditLog audit;

    private record Registry(Map<String, GrantHandler> byType, List<String> grantTypes) {
    }

    private volatile Registry registry;

    /** The grant types a handler is deployed for, sorted by name. */
    public List<String> grantTypes() {
        return registry().grantTypes();
    }

    /** The handler of {@code grantType} if {@code client} is registered for it; otherwise the RFC 6749 §5.2 error. */
    public GrantHandler forClient(String grantType, ClientView client) {
        GrantHandler handler = registry().byType().get(grantType);
        if (handler == null) {
            throw OAuthException.unsupportedGrantType("Supported grant types: " + String.join(", ", grantTypes()));
        }
        if (!client.allows(grantType)) {
            audit.record(AuditType.GRANT_REFUSED, client.clientId(), client.clientId(),
                    "grant_type " + grantType + " is not registered for this client");
            throw OAuthException.unauthorizedClient("This client is not registered for the grant type " + grantType);
        }
        return handler;
    }

    private Registry registry() {
        Registry r = registry;
        if (r == null) {
            Map<String, GrantHandler> byType = handlers.stream()
                    .collect(Collectors.toUnmodifiableMap(GrantHandler::grantType, Function.identity()));
            r = new Registry(byType, byType.keySet().stream().sorted().toList());
            registry = r;
        }
        return r;
    }
}
