package org.gatehouse.registration;

import org.gatehouse.platform.StoredText;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import net.minidev.json.JSONObject;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.authorize.ClientRemoval;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientRules;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.Clients;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.config.RegistrationSettings;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.error.OAuthException;
import org.gatehouse.platform.Secrets;
import org.gatehouse.scope.Scopes;
import org.gatehouse.throttle.Throttling;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registers clients (RFC 7591 §3) and lets them read, update and delete their registration
 * (RFC 7592 §2), with the rules of the console ({@link RegistrationMetadata}, {@link ClientRules})
 * and through the stores that own the data: clients through {@link Clients}, a deletion through
 * {@link ClientRemoval} (as the console deletes), initial access tokens through
 * {@link InitialAccessTokens}, the per-address limit through {@link Throttling}.
 */
@ApplicationScoped
public class Registrations {

    /** Who the audit log names as acting for a client that registers itself. */
    static final String ACTOR = "self-registration";
    private static final String INVALID_REGISTRATION_TOKEN = "The registration access token is missing, invalid or not for this client";
    /** Compared against when there is no client, so that an unknown id costs what a known one does. */
    private static final String NO_HASH = Secrets.sha256("no client has this registration access token");

    /** A registration response: the status and the client information JSON. */
    public record Answer(int status, String json) {
    }

    @Inject
    Clients clients;

    @Inject
    ClientRemoval removal;

    @Inject
    InitialAccessTokens initialTokens;

    @Inject
    Scopes scopes;

    @Inject
    Throttling throttling;

    @Inject
    RegistrationSettings settings;

    @Inject
    ServerSettings server;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** RFC 7591 §3.1: registers the client the body describes; 201 with its client information. */
    @Transactional
    public Answer register(String body, String authorization, String address) {
        Optional<String> token = RegistrationPolicy.bearer(authorization);
        RegistrationPolicy.admit(settings.mode(), token);
        Optional<Instant> blocked = throttling.registrationBlocked(address);
        if (blocked.isPresent()) {
            throw OAuthException.registrationThrottled(Math.max(1, Duration.between(clock.instant(), blocked.get()).toSeconds() + 1));
        }
        throttling.registrationAttempted(address);
        Optional<Long> initialToken = Optional.empty();
        if (RegistrationPolicy.needsInitialToken(settings.mode())) {
            initialToken = initialTokens.usable(token.orElse(null));
            if (initialToken.isEmpty()) {
                throw OAuthException.invalidToken("The initial access token is invalid, expired, revoked or used up");
            }
        }
        String clientId = Secrets.random(12);
        RegistrationMetadata.Request request = RegistrationMetadata.parse(body, knownScopes(), clientId, false);
        ClientRules.Draft d = request.draft();
        nameFree(d.name(), null);
        RegistrationPolicy.withinCeiling(clients.countSelfRegistered(), settings.maxClients());
        if (initialToken.isPresent() && !initialTokens.take(initialToken.get())) {
            throw OAuthException.invalidToken("The initial access token is invalid, expired, revoked or used up");
        }

        Instant now = clock.instant();
        Client client = new Client(clientId, d.type(), now);
        apply(d, client, now);
        client.setSelfRegistered(true);
        String secret = d.type() == ClientType.CONFIDENTIAL ? newSecret(client) : null;
        String registrationToken = Secrets.random(32);
        client.setRegistrationTokenHash(Secrets.sha256(registrationToken));
        try {
            clients.create(client);
        } catch (PersistenceException e) {
            throw OAuthException.invalidClientMetadata("client_name: another client has just been registered under this name");
        }
        audit.record(AuditType.CLIENT_REGISTERED, ACTOR, clientId, summary(client)
                + initialToken.map(id -> " initialToken=" + id).orElse(""), address);
        return new Answer(201, information(client, secret, registrationToken));
    }

    /** RFC 7592 §2.1: the client's current registration (no secret: only its hash is kept). */
    @Transactional
    public Answer read(String clientId, String authorization) {
        RegistrationPolicy.manageable(settings.mode());
        String token = RegistrationPolicy.bearer(authorization).orElse(null);
        Client client = authenticated(clientId, token);
        return new Answer(200, information(client, null, token));
    }

    /** RFC 7592 §2.2: replaces the registration with the body, under the same rules as a new one. */
    @Transactional
    public Answer update(String clientId, String authorization, String body, String address) {
        RegistrationPolicy.manageable(settings.mode());
        String token = RegistrationPolicy.bearer(authorization).orElse(null);
        Client client = authenticated(clientId, token);
        RegistrationMetadata.Request request = RegistrationMetadata.parse(body, knownScopes(), client.getClientId(), true);
        if (request.clientId().isEmpty() || !request.clientId().get().equals(client.getClientId())) {
            throw OAuthException.invalidClientMetadata("client_id: must be sent and be this client's id (RFC 7592 §2.2)");
        }
        if (request.clientSecret().isPresent() && !Secrets.constantTimeEquals(
                Secrets.sha256(request.clientSecret().get()), client.getSecretHash())) {
            throw OAuthException.invalidClientMetadata("client_secret: does not match the client's secret; a client cannot choose its secret");
        }
        ClientRules.Draft d = request.draft();
        nameFree(d.name(), client.getClientId());
        Instant now = clock.instant();
        apply(d, client, now);
        String secret = null;
        if (client.isPublic()) {
            client.setSecretHash(null);
        } else if (client.getSecretHash() == null) {
            secret = newSecret(client); // became confidential: it needs a secret now (RFC 7592 §2.2 lets the server issue one)
        }
        try {
            clients.saved(client);
        } catch (PersistenceException e) {
            throw OAuthException.invalidClientMetadata("The registration changed at the same moment; read it and try again");
        }
        audit.record(AuditType.CLIENT_REGISTRATION_UPDATED, ACTOR, client.getClientId(), summary(client)
                + (secret != null ? " secretGenerated" : ""), address);
        return new Answer(200, information(client, secret, token));
    }

    /** RFC 7592 §2.3: deletes the client and everything issued to it, as the console does. */
    @Transactional
    public void delete(String clientId, String authorization, String address) {
        RegistrationPolicy.manageable(settings.mode());
        Client client = authenticated(clientId, RegistrationPolicy.bearer(authorization).orElse(null));
        int revoked = removal.delete(client, "client deleted its registration");
        audit.record(AuditType.CLIENT_REGISTRATION_DELETED, ACTOR, clientId,
                "name=" + client.getName() + " grantsRevoked=" + revoked, address);
    }

    /**
     * The self-registered client whose registration access token this is. Unknown client, a
     * client that did not register itself, a wrong or missing token: one answer, after one hash
     * and one constant-time comparison alike (RFC 7592 §3: never tell whether the client exists).
     */
    private Client authenticated(String clientId, String token) {
        Client client = clientId == null || clientId.length() > Clients.MAX_ID_LENGTH || StoredText.hasNul(clientId)
                ? null : clients.entity(clientId).orElse(null);
        String expected = client == null || client.getRegistrationTokenHash() == null ? NO_HASH : client.getRegistrationTokenHash();
        boolean matches = Secrets.constantTimeEquals(Secrets.sha256(token == null ? "" : token), expected);
        if (!matches || token == null || client == null || !client.isSelfRegistered()) {
            throw OAuthException.invalidToken(INVALID_REGISTRATION_TOKEN);
        }
        return client;
    }

    private void nameFree(String name, String ownId) {
        Optional<String> holder = clients.namedHolder(name);
        if (holder.isPresent() && !holder.get().equals(ownId)) {
            throw OAuthException.invalidClientMetadata("client_name: another client is already named so; choose another name");
        }
    }

    private Set<String> knownScopes() {
        return scopes.all().stream().map(org.gatehouse.scope.Scope::getName).collect(Collectors.toCollection(HashSet::new));
    }

    private static void apply(ClientRules.Draft d, Client c, Instant now) {
        c.setName(d.name().trim());
        c.setType(d.type());
        c.setAuthMethod(d.authMethod());
        c.setRedirectUris(d.redirectUris());
        c.setPostLogoutRedirectUris(d.postLogoutRedirectUris());
        c.setAllowedScopes(new LinkedHashSet<>(d.allowedScopes()));
        c.setDefaultScopes(new LinkedHashSet<>(d.defaultScopes()));
        c.setGrantTypes(new LinkedHashSet<>(d.grantTypes()));
        c.setRequirePkce(true); // a self-registered client always proves its code with PKCE
        c.setAccessTokenTtlSeconds(null);
        c.setRefreshTokenTtlSeconds(null);
        c.setEnabled(true);
        c.touch(now);
    }

    /** Generated as the console does: 256 random bits, kept only as SHA-256. */
    private static String newSecret(Client client) {
        String secret = Secrets.random(32);
        client.setSecretHash(Secrets.sha256(secret));
        return secret;
    }

    private static String summary(Client c) {
        return "name=" + c.getName() + " type=" + c.getType() + " grantTypes=" + String.join(",", c.getGrantTypes());
    }

    /** The client information response (RFC 7591 §3.2.1, RFC 7592 §3), written by the Nimbus SDK. */
    String information(Client c, String secret, String registrationToken) {
        OIDCClientMetadata m = metadata(c);
        URI uri = URI.create(server.baseUrl() + "/oauth2/register/" + URLEncoder.encode(c.getClientId(), StandardCharsets.UTF_8));
        OIDCClientInformation info = new OIDCClientInformation(new ClientID(c.getClientId()), Date.from(c.getCreatedAt()), m,
                secret == null ? null : new Secret(secret), uri,
                registrationToken == null ? null : new BearerAccessToken(registrationToken));
        JSONObject json = info.toJSONObject();
        if (!c.isPublic()) {
            json.put("client_secret_expires_at", 0L); // the secret never expires (RFC 7591 §3.2.1), shown or not
        }
        return json.toJSONString();
    }

    /** The metadata Gatehouse registered, not what was asked for (RFC 7591 §3.2.1). */
    static OIDCClientMetadata metadata(Client c) {
        OIDCClientMetadata m = new OIDCClientMetadata();
        m.setRedirectionURIs(c.getRedirectUris().stream().map(URI::create).collect(Collectors.toCollection(LinkedHashSet::new)));
        if (!c.getPostLogoutRedirectUris().isEmpty()) {
            m.setPostLogoutRedirectionURIs(c.getPostLogoutRedirectUris().stream().map(URI::create)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        m.setName(c.getName());
        try {
            Set<GrantType> grants = new LinkedHashSet<>();
            for (String g : c.getGrantTypes()) {
                grants.add(GrantType.parse(g));
            }
            m.setGrantTypes(grants);
        } catch (ParseException e) {
            throw new IllegalStateException("a registered grant type does not parse", e);
        }
        m.setResponseTypes(c.getGrantTypes().contains(GrantTypes.AUTHORIZATION_CODE)
                ? new LinkedHashSet<>(List.of(ResponseType.CODE)) : new LinkedHashSet<>());
        m.setTokenEndpointAuthMethod(ClientAuthenticationMethod.parse(
                (c.getAuthMethod() == null ? AuthMethod.NONE : c.getAuthMethod()).wireName()));
        m.setScope(new Scope(c.getAllowedScopes().toArray(String[]::new)));
        return m;
    }
}
