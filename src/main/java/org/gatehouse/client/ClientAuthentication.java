package org.gatehouse.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.error.OAuthException;
import jakarta.servlet.http.HttpServletRequest;
import org.gatehouse.platform.RequestOrigin;
import org.gatehouse.platform.Secrets;
import org.gatehouse.throttle.Throttling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Client authentication at the token, revocation and introspection endpoints (RFC 6749 §2.3.1):
 * {@code client_secret_basic} (credentials form-encoded, then base64), {@code client_secret_post},
 * or {@code none} for public clients. A client must use the method it registered, exactly one
 * method per request. Secrets are checked as SHA-256 with a constant-time comparison: they are
 * 256-bit random values, so a password KDF would only add cost (docs/architecture.md, "Performance budget").
 */
@ApplicationScoped
public class ClientAuthentication {

    @Inject
    Clients clients;

    @Inject
    AuditLog audit;

    @Inject
    Throttling throttling;

    @Inject
    RequestOrigin origin;

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    public ClientView authenticate(Map<String, String> params, String authorization) {
        String address = origin.address(request);
        // An address with too many failures is refused before any secret is checked (throttle package).
        Optional<Instant> blocked = throttling.clientAuthBlocked(address);
        if (blocked.isPresent()) {
            throw OAuthException.throttled(Math.max(1, Duration.between(clock.instant(), blocked.get()).toSeconds() + 1));
        }
        try {
            return check(params, authorization);
        } catch (Failed f) {
            audit.record(AuditType.CLIENT_AUTH_FAILED, f.clientId, f.clientId, f.why, address);
            throttling.clientAuthFailed(f.clientId, address);
            throw OAuthException.invalidClient("Client authentication failed");
        }
    }

    private ClientView check(Map<String, String> params, String authorization) {
        String formId = params.get("client_id");
        String formSecret = params.get("client_secret");
        String id;
        String secret;
        AuthMethod used;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw OAuthException.invalidRequest("Use only one client authentication method");
            }
            String[] basic = decodeBasic(authorization.substring(6).trim());
            id = basic[0];
            secret = basic[1];
            if (formId != null && !formId.equals(id)) {
                throw fail(id, "client_id does not match the authenticated client");
            }
            used = AuthMethod.CLIENT_SECRET_BASIC;
        } else if (formSecret != null) {
            id = formId;
            secret = formSecret;
            used = AuthMethod.CLIENT_SECRET_POST;
        } else {
            id = formId;
            secret = null;
            used = AuthMethod.NONE;
        }
        if (id == null) {
            throw OAuthException.invalidClient("Client authentication is required");
        }
        ClientView client = clients.find(id).filter(ClientView::enabled).orElse(null);
        if (client == null || client.authMethod() != used) {
            throw fail(id, client == null ? "unknown or disabled client" : "wrong authentication method " + used.wireName());
        }
        if (used != AuthMethod.NONE && !Secrets.constantTimeEquals(Secrets.sha256(secret), client.secretHash())) {
            throw fail(id, "wrong client secret");
        }
        return client;
    }

    private static Failed fail(String clientId, String why) {
        return new Failed(clientId, why);
    }

    /** Credentials were presented and are wrong: audited and counted by {@link #authenticate}. */
    private static final class Failed extends RuntimeException {
        final String clientId;
        final String why;

        Failed(String clientId, String why) {
            super(why, null, false, false);
            this.clientId = clientId;
            this.why = why;
        }
    }

    private String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthException.invalidClient("Malformed Basic credentials");
            }
            return new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("Malformed Basic credentials");
        }
    }
}
