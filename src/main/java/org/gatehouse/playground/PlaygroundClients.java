package org.gatehouse.playground;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.platform.Secrets;

import java.util.List;

/**
 * The two registrations the playground acts as: a confidential client (secret, HTTP Basic,
 * RFC 6749 §2.3.1) and a public one (no secret, PKCE only, RFC 7636). The confidential client's
 * secret is generated at every start-up and exists only in this bean's memory; the database
 * holds its hash (see {@link org.gatehouse.bootstrap.PlaygroundRegistration}).
 */
@ApplicationScoped
public class PlaygroundClients {

    public static final String CONFIDENTIAL_ID = "gatehouse-playground";
    public static final String PUBLIC_ID = "gatehouse-playground-spa";
    public static final List<String> SCOPES = List.of("profile", "notes:read", "notes:write");
    public static final String CALLBACK_PATH = "/playground/callback";

    @Inject
    ServerSettings server;

    private final String secret = Secrets.random(32);

    /** The confidential client's secret: never rendered, logged or sent to the browser. */
    String secret() {
        return secret;
    }

    public String secretHash() {
        return Secrets.sha256(secret);
    }

    public String redirectUri() {
        return server.baseUrl() + CALLBACK_PATH;
    }

    public static String clientId(boolean confidential) {
        return confidential ? CONFIDENTIAL_ID : PUBLIC_ID;
    }
}
