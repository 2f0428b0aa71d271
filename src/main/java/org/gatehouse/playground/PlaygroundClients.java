package org.gatehouse.playground;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.keys.KeyEncryption;
import org.gatehouse.platform.Secrets;

import java.util.List;

/**
 * The two registrations the playground acts as: a confidential client (secret, HTTP Basic,
 * RFC 6749 §2.3.1) and a public one (no secret, PKCE only, RFC 7636). The confidential client's
 * secret is derived from the key-encryption key (HMAC-SHA-256), so every node of a cluster that
 * shares that key computes the same secret without storing or sending it; it exists only in
 * memory, and the database holds its hash (see {@code bootstrap.PlaygroundRegistration}).
 */
@ApplicationScoped
public class PlaygroundClients {

    public static final String CONFIDENTIAL_ID = "gatehouse-playground";
    public static final String PUBLIC_ID = "gatehouse-playground-spa";
    /** What the playground clients are registered for: the API's scopes and OpenID Connect's (OIDC Core §5.4). */
    public static final List<String> SCOPES = List.of("openid", "profile", "email", "notes:read", "notes:write");
    /** The scope field's starting value: plain OAuth; the page's "OpenID Connect" switch adds {@value #OPENID}. */
    public static final List<String> DEFAULT_SCOPES = List.of("profile", "notes:read", "notes:write");
    public static final String OPENID = "openid";
    public static final String CALLBACK_PATH = "/playground/callback";
    /** Where the end-session endpoint sends the browser back after sign-out (RP-Initiated Logout §3). */
    public static final String SIGNED_OUT_PATH = "/playground/signed-out";

    @Inject
    ServerSettings server;

    @Inject
    KeyEncryption keys;

    private volatile String secret;

    /**
     * The confidential client's secret: never rendered or logged, and sent to the browser only
     * when the user asks for it on the playground page (a demo secret, for copied curl commands;
     * {@code POST /playground/api/secret}, with the session's CSRF token).
     */
    String secret() {
        String s = secret;
        if (s == null) {
            s = keys.derive("gatehouse-playground client secret");
            secret = s;
        }
        return s;
    }

    public String secretHash() {
        return Secrets.sha256(secret());
    }

    public String redirectUri() {
        return server.baseUrl() + CALLBACK_PATH;
    }

    public String postLogoutRedirectUri() {
        return server.baseUrl() + SIGNED_OUT_PATH;
    }

    public static String clientId(boolean confidential) {
        return confidential ? CONFIDENTIAL_ID : PUBLIC_ID;
    }
}
