package org.gatehouse.it.flow;

import jakarta.json.JsonObject;
import org.gatehouse.it.Db;
import org.gatehouse.it.Eventually;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes made by another node of a cluster reach this node's in-memory state
 * (docs/architecture.md, "Caches and how a change reaches every node"). "Another node" is played
 * by writing to the shared database directly, exactly what a second node's transaction leaves
 * there: without a change event the cached state keeps answering (the hot paths do not read the
 * database), with one the change applies within seconds; a revoked grant needs no event at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangePropagationIT {

    /** Generous for a loaded CI machine; the heartbeat looks every second. */
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Test
    void aClientDisabledOnAnotherNodeStopsAuthenticatingHereOnceItsChangeEventArrives() {
        String clientId = "it-propagation-" + UUID.randomUUID().toString().substring(0, 8);
        Db.update("insert into client (client_id, name, client_type, auth_method, secret_hash, redirect_uris, allowed_scopes,"
                + " default_scopes, require_pkce, access_token_ttl_s, refresh_token_ttl_s, enabled, created_at, updated_at,"
                + " version, grant_types) select ?, ?, client_type, auth_method, secret_hash, redirect_uris, allowed_scopes,"
                + " default_scopes, require_pkce, access_token_ttl_s, refresh_token_ttl_s, enabled, created_at, updated_at,"
                + " version, grant_types from client where client_id = ?", clientId, clientId, OAuthFlow.SERVICE);
        Supplier<Integer> tokenStatus = () -> OAuthFlow.clientCredentials(clientId, OAuthFlow.SERVICE_SECRET, null).statusCode();
        assertEquals(200, tokenStatus.get(), "the new client works (and is now cached)");

        Db.update("update client set enabled = false where client_id = ?", clientId);
        assertEquals(200, tokenStatus.get(), "without a change event this node keeps its cached client: no read per request");

        changeEvent("client", clientId);
        assertTrue(eventually(() -> tokenStatus.get() == 401), "the disabled client is refused once the change event is read");
    }

    @Test
    void aGrantRevokedOnAnotherNodeStopsItsAccessTokenHere() {
        JsonObject tokens = OAuthFlow.tokens("profile");
        String access = tokens.getString("access_token");
        assertEquals(200, me(access));

        int revoked = Db.update("update token_grant set revoked_at = ?, revoked_reason = 'revoked on another node' where id = ?",
                Timestamp.from(Instant.now()), claim(access, "gid"));
        assertEquals(1, revoked);
        assertTrue(eventually(() -> me(access) == 401), "the revocation list catches up from the database");
    }

    @Test
    void anAccountDisabledOnAnotherNodeLosesTheApiHere() {
        String username = "it-prop-" + UUID.randomUUID().toString().substring(0, 8);
        Db.update("insert into account (subject, username, display_name, email, password_hash, roles, enabled, created_at,"
                + " updated_at, version) select ?, ?, display_name, email, password_hash, roles, enabled, created_at, updated_at,"
                + " version from account where username = 'dave'", UUID.randomUUID().toString(), username);
        OAuthFlow flow = new OAuthFlow();
        String redirect = flow.authorizeAndApprove(flow.request(OAuthFlow.CONFIDENTIAL, "profile", "p"), username, "dave-password-1");
        HttpResponse<String> token = flow.exchange(Http.query(redirect).get("code"), OAuthFlow.CONFIDENTIAL,
                OAuthFlow.CONFIDENTIAL_SECRET);
        String access = Http.json(token).getString("access_token");
        assertEquals(200, me(access));

        Object id = Db.value("select id from account where username = ?", username);
        Db.update("update account set enabled = false where id = ?", id);
        changeEvent("account", id.toString());
        assertTrue(eventually(() -> me(access) == 401), "the disabled account's token is refused once the change event is read");
    }

    @Test
    void aSessionHereEndsWhenAnotherNodeTakesTheAccountsAdminRole() {
        String username = "it-prop-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Db.update("insert into account (subject, username, display_name, email, password_hash, roles, enabled, created_at,"
                + " updated_at, version) select ?, ?, display_name, email, password_hash, 'user admin', enabled, created_at,"
                + " updated_at, version from account where username = 'dave'", UUID.randomUUID().toString(), username);
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> login = flow.follow(flow.get("/admin/"));
        HttpResponse<String> console = flow.follow(flow.signIn(login, username, "dave-password-1"));
        assertEquals(200, console.statusCode(), console.body());
        assertTrue(console.body().contains("count-clients"), "signed in to the console");

        Object id = Db.value("select id from account where username = ?", username);
        // what the console's transaction on another node leaves in the shared database
        Db.update("update account set roles = 'user', security_stamp = security_stamp + 1 where id = ?", id);
        changeEvent("account", id.toString());
        assertTrue(eventually(() -> {
            HttpResponse<String> r = flow.get("/admin/");
            return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/login?next=");
        }), "the session is signed out once the change event is read");
    }

    private static void changeEvent(String topic, String key) {
        Db.update("insert into change_event (topic, item_key, occurred_at) values (?, ?, ?)", topic, key,
                Timestamp.from(Instant.now()));
    }

    private static int me(String accessToken) {
        return Http.get("/api/me", "Authorization", "Bearer " + accessToken).statusCode();
    }

    /** Waits for the state (every 100 ms) until {@link #DEADLINE}. */
    private static boolean eventually(BooleanSupplier condition) {
        return Eventually.within(DEADLINE, condition);
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject().getString(name);
    }
}
