package org.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.client.ClientView;
import org.gatehouse.error.OAuthException;
import org.gatehouse.grant.LostRace;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(GrantHandlers.class.getName());

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

    /**
     * Runs the token request through the handler of its grant type (see {@link #forClient}). A
     * handler whose transaction lost a race for a row ({@link LostRace}: a concurrent use of the
     * same code or refresh token, here or on another node) has been rolled back by then; its
     * {@link GrantHandler#lostRace} then revokes what a second use would, in a new transaction, and
     * the answer is its OAuth error ({@code invalid_grant}), not a 500.
     */
    public TokenResponse handle(TokenRequest request, ClientView client) {
        GrantHandler handler = forClient(request.grantType(), client);
        try {
            return handler.handle(request, client);
        } catch (OAuthException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!LostRace.is(e)) {
                throw e;
            }
            // one line, no stack trace: a client can cause this as often as it likes
            LOG.info(() -> "A " + request.grantType() + " token request lost a race for its grant: " + e);
            LOG.log(Level.FINE, "Lost race", e);
            try {
                throw handler.lostRace(request, client);
            } catch (OAuthException answer) {
                throw answer;
            } catch (RuntimeException revocationFailed) {
                LOG.warning(() -> "Could not revoke the grant after a lost race: " + revocationFailed);
                throw OAuthException.invalidGrant("The grant could not be used");
            }
        }
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
