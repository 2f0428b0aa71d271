package org.gatehouse.it.flow;

import jakarta.json.JsonObject;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dynamic client registration (RFC 7591) and management (RFC 7592) against the suite's server,
 * which runs {@code gatehouse.registration.mode=initial-token} (pom.xml {@code it.registration.mode}).
 * Initial access tokens are written straight into {@code initial_access_token} as their SHA-256
 * (as the console stores them; the console itself is tested by InitialAccessTokenBrowserIT), so
 * that expired and used-up tokens need no waiting. Every registration speaks from an address of
 * its own through the trusted loopback proxy, so the per-address limit is reached only where tested.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationIT {

    private static final String HTTPS_REDIRECT = "https://app.example/callback";

    private static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh initial access token, stored as the console stores one. */
    private static String initialToken(int maxUses, int uses, Duration validFor, boolean revoked) {
        String token = "iat-" + UUID.randomUUID() + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Db.update("insert into initial_access_token (token_hash, label, created_by, created_at, expires_at, max_uses, uses, revoked_at)"
                        + " values (?, ?, 'RegistrationIT', ?, ?, ?, ?, ?)", sha256(token), "it " + token.substring(4, 12), now,
                now.plus(validFor), maxUses, uses, revoked ? now : null);
        return token;
    }

    private static String validToken() {
        return initialToken(5, 0, Duration.ofHours(1), false);
    }

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static HttpResponse<String> register(String body, String initialToken) {
        return register(body, initialToken, address());
    }

    private static HttpResponse<String> register(String body, String initialToken, String from) {
        return initialToken == null
                ? Http.postRaw("/oauth2/register", body, "application/json", "X-Forwarded-For", from)
                : Http.postRaw("/oauth2/register", body, "application/json", "X-Forwarded-For", from,
                "Authorization", "Bearer " + initialToken);
    }

    private static String body(String... kv) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : ",").append('"').append(kv[i]).append("\":").append(kv[i + 1]);
        }
        return b.append('}').toString();
    }

    /** Scope profile only: the console's scope test lists the first holders of notes:read, which are the import's. */
    private static String confidential(String name, String redirect) {
        return body("client_name", "\"" + name + "\"", "redirect_uris", "[\"" + redirect + "\"]",
                "grant_types", "[\"authorization_code\",\"refresh_token\"]", "scope", "\"profile\"");
    }

    private static JsonObject registered(String body) {
        HttpResponse<String> r = register(body, validToken());
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static void assertError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(error, Http.json(r).getString("error"), r.body());
        assertTrue(Http.json(r).containsKey("error_description"), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    }

    private static void assertInvalidToken(HttpResponse<String> r) {
        assertError(r, 401, "invalid_token");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), r.headers().toString());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    }

    private static HttpResponse<String> manage(String method, String uri, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(Http.uri(uri)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Http.send(b.build());
    }

    @Test
    void theMetadataNamesTheRegistrationEndpoint() {
        JsonObject m = Http.json(Http.get("/.well-known/oauth-authorization-server"));
        assertEquals(Http.base() + "/oauth2/register", m.getString("registration_endpoint"));
    }

    @Test
    void withoutAValidInitialAccessTokenNothingIsRegistered() {
        long before = Db.count("select count(*) from client where self_registered = true");
        String body = confidential("No token " + UUID.randomUUID(), HTTPS_REDIRECT);
        assertInvalidToken(register(body, null));
        assertInvalidToken(register(body, "not-a-token"));
        assertInvalidToken(register(body, initialToken(5, 0, Duration.ofHours(-1), false)));  // expired
        assertInvalidToken(register(body, initialToken(2, 2, Duration.ofHours(1), false)));   // used up
        assertInvalidToken(register(body, initialToken(5, 0, Duration.ofHours(1), true)));    // revoked
        HttpResponse<String> basic = Http.postRaw("/oauth2/register", body, "application/json",
                "X-Forwarded-For", address(), "Authorization", Http.basic("a", "b"));
        assertInvalidToken(basic);
        assertEquals(before, Db.count("select count(*) from client where self_registered = true"));
    }

    @Test
    void aTokenRegistersItsNumberOfClientsAndNoMore() {
        String token = initialToken(1, 0, Duration.ofHours(1), false);
        HttpResponse<String> first = register(confidential("Once " + UUID.randomUUID(), HTTPS_REDIRECT), token);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(1, Db.count("select uses from initial_access_token where token_hash = ?", sha256(token)));
        assertInvalidToken(register(confidential("Twice " + UUID.randomUUID(), HTTPS_REDIRECT), token));
    }

    @Test
    void aRegistrationAnswersTheRegisteredClientAndStoresOnlyHashes() {
        String name = "Registered " + UUID.randomUUID();
        HttpResponse<String> r = register(confidential(name, HTTPS_REDIRECT) .replace("}", ",\"x_unknown\":\"ignored\",\"client_uri\":\"https://app.example/\"}"),
                validToken());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        JsonObject c = Http.json(r);
        String clientId = c.getString("client_id");
        String secret = c.getString("client_secret");
        String rat = c.getString("registration_access_token");
        assertTrue(secret.length() >= 43 && rat.length() >= 43, r.body());
        assertEquals(0, c.getJsonNumber("client_secret_expires_at").longValue());
        assertTrue(c.getJsonNumber("client_id_issued_at").longValue() > 0);
        assertEquals(Http.base() + "/oauth2/register/" + clientId, c.getString("registration_client_uri"));
        assertEquals(name, c.getString("client_name"));
        assertEquals("client_secret_basic", c.getString("token_endpoint_auth_method"));
        assertEquals("[\"" + HTTPS_REDIRECT + "\"]", c.getJsonArray("redirect_uris").toString());
        assertEquals("[\"code\"]", c.getJsonArray("response_types").toString());
        assertFalse(c.containsKey("x_unknown"), "unknown fields are not registered");

        assertEquals(sha256(secret), Db.value("select secret_hash from client where client_id = ?", clientId));
        assertEquals(sha256(rat), Db.value("select registration_token_hash from client where client_id = ?", clientId));
        assertEquals(Boolean.TRUE, Db.value("select self_registered from client where client_id = ?", clientId));
        assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'CLIENT_REGISTERED' and subject = ?", clientId));
    }

    /** The new client runs the code flow; its remembered consent never skips the page (RFC 7591 §5). */
    @Test
    void aRegisteredClientRunsTheCodeFlowAndIsAskedForConsentEveryTime() {
        JsonObject c = registered(confidential("Flow " + UUID.randomUUID(), HTTPS_REDIRECT));
        String clientId = c.getString("client_id");
        OAuthFlow browser = new OAuthFlow();
        Map<String, String> p = browser.request(clientId, "profile", "s1");
        p.put("redirect_uri", HTTPS_REDIRECT);
        String redirect = browser.authorizeAndApprove(p, "carol", "carol-password-1");
        String code = Http.query(redirect).get("code");
        assertTrue(redirect.startsWith(HTTPS_REDIRECT) && code != null, redirect);
        assertEquals(1, Db.count("select count(*) from consent c join account a on a.id = c.account_id"
                + " where a.username = 'carol' and c.client_id = ?", clientId), "the consent is remembered");

        HttpResponse<String> tokens = OAuthFlow.exchange(Http.map("grant_type", "authorization_code", "code", code,
                "redirect_uri", HTTPS_REDIRECT, "code_verifier", browser.verifier), clientId, c.getString("client_secret"));
        assertEquals(200, tokens.statusCode(), tokens.body());
        HttpResponse<String> me = Http.get("/api/me", "Authorization", "Bearer " + Http.json(tokens).getString("access_token"));
        assertEquals(200, me.statusCode(), me.body());

        p.put("state", "s2");
        HttpResponse<String> again = browser.follow(browser.authorize(p));
        assertEquals(200, again.statusCode(), again.headers().firstValue("Location").orElse(""));
        assertTrue(again.body().contains("id=\"consent\""), "asked again although the consent is remembered");
        assertTrue(again.body().contains("id=\"self-registered\""), "the user is told the client registered itself");
    }

    @Test
    void aPublicClientRegistersWithoutSecret() {
        JsonObject c = registered(body("redirect_uris", "[\"http://127.0.0.1:7777/cb\"]", "token_endpoint_auth_method", "\"none\"",
                "scope", "\"profile\""));
        assertFalse(c.containsKey("client_secret"), c.toString());
        assertFalse(c.containsKey("client_secret_expires_at"), c.toString());
        assertEquals("none", c.getString("token_endpoint_auth_method"));
        assertEquals("PUBLIC", Db.value("select client_type from client where client_id = ?", c.getString("client_id")));
    }

    @Test
    void postLogoutRedirectUrisAreRegisteredAndAnsweredBack() {
        JsonObject c = registered(body("redirect_uris", "[\"http://127.0.0.1:7777/cb\"]", "token_endpoint_auth_method", "\"none\"",
                "scope", "\"profile\"", "post_logout_redirect_uris", "[\"http://127.0.0.1:7777/bye\"]"));
        assertEquals("[\"http://127.0.0.1:7777/bye\"]", c.getJsonArray("post_logout_redirect_uris").toString());
        assertEquals("http://127.0.0.1:7777/bye", Db.value("select post_logout_redirect_uris from client where client_id = ?",
                c.getString("client_id")));
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile\"",
                "post_logout_redirect_uris", "[\"http://app.example/bye\"]"), validToken()), 400, "invalid_client_metadata");
    }

    @Test
    void invalidMetadataIsRefusedPerFieldAndUsesNoToken() {
        String token = validToken();
        assertError(register(body("redirect_uris", "[\"http://app.example/cb\"]", "scope", "\"profile\""), token), 400, "invalid_redirect_uri");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb#f\"]", "scope", "\"profile\""), token), 400, "invalid_redirect_uri");
        assertError(register(body("redirect_uris", "[\"https://*.example/cb\"]", "scope", "\"profile\""), token), 400, "invalid_redirect_uri");
        assertError(register(body("scope", "\"profile\""), token), 400, "invalid_redirect_uri");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile admin:all\""), token), 400, "invalid_client_metadata");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile\"", "grant_types", "[\"implicit\"]"), token),
                400, "invalid_client_metadata");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile\"", "response_types", "[\"token\"]"), token),
                400, "invalid_client_metadata");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile\"",
                "token_endpoint_auth_method", "\"private_key_jwt\""), token), 400, "invalid_client_metadata");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile\"", "jwks", "{\"keys\":[]}"), token),
                400, "invalid_client_metadata");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile\"",
                "client_name", "\"" + "n".repeat(201) + "\""), token), 400, "invalid_client_metadata");
        assertError(register("{not json", token), 400, "invalid_client_metadata");
        assertError(register("[]", token), 400, "invalid_client_metadata");
        assertError(register(body("redirect_uris", "[\"https://app.example/cb\"]", "scope", "\"profile\"",
                "client_uri", "\"https://app.example/" + "x".repeat(20_000) + "\""), token), 400, "invalid_client_metadata");
        assertError(Http.postRaw("/oauth2/register", "redirect_uris=https://app.example/cb", "application/x-www-form-urlencoded",
                "X-Forwarded-For", address(), "Authorization", "Bearer " + token), 400, "invalid_client_metadata");
        assertEquals(0, Db.count("select uses from initial_access_token where token_hash = ?", sha256(token)), "no use taken");
    }

    @Test
    void theClientReadsUpdatesAndDeletesItsRegistration() {
        JsonObject c = registered(confidential("Managed " + UUID.randomUUID(), HTTPS_REDIRECT));
        String clientId = c.getString("client_id");
        String uri = c.getString("registration_client_uri");
        String rat = c.getString("registration_access_token");
        String secret = c.getString("client_secret");

        HttpResponse<String> read = manage("GET", uri, rat, null);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject info = Http.json(read);
        assertEquals(clientId, info.getString("client_id"));
        assertFalse(info.containsKey("client_secret"), "only the secret's hash is kept");
        assertEquals(rat, info.getString("registration_access_token"));
        assertEquals(c.getString("client_name"), info.getString("client_name"));

        String renamed = "Renamed " + UUID.randomUUID();
        String update = body("client_id", "\"" + clientId + "\"", "client_secret", "\"" + secret + "\"", "client_name", "\"" + renamed + "\"",
                "redirect_uris", "[\"https://app.example/other\"]", "grant_types", "[\"authorization_code\"]", "scope", "\"profile\"");
        HttpResponse<String> updated = manage("PUT", uri, rat, update);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(renamed, Http.json(updated).getString("client_name"));
        assertEquals(renamed, Db.value("select name from client where client_id = ?", clientId));
        assertEquals("https://app.example/other", Db.value("select redirect_uris from client where client_id = ?", clientId));
        assertEquals(sha256(secret), Db.value("select secret_hash from client where client_id = ?", clientId), "the secret stays");

        assertError(manage("PUT", uri, rat, update.replace(clientId, "someone-else")), 400, "invalid_client_metadata");
        assertError(manage("PUT", uri, rat, update.replace(secret, "a-secret-of-my-choice")), 400, "invalid_client_metadata");
        assertError(manage("PUT", uri, rat, update.replace("https://app.example/other", "http://app.example/other")), 400, "invalid_redirect_uri");
        assertError(manage("PUT", uri, rat, update.replace("}", ",\"registration_access_token\":\"x\"}")), 400, "invalid_client_metadata");

        HttpResponse<String> deleted = manage("DELETE", uri, rat, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(0, Db.count("select count(*) from client where client_id = ?", clientId));
        assertInvalidToken(manage("GET", uri, rat, null));
        assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'CLIENT_REGISTRATION_DELETED' and subject = ?", clientId));
    }

    @Test
    void deletingARegistrationRevokesWhatWasIssuedToIt() {
        JsonObject c = registered(confidential("Deleted " + UUID.randomUUID(), HTTPS_REDIRECT));
        String clientId = c.getString("client_id");
        OAuthFlow browser = new OAuthFlow();
        Map<String, String> p = browser.request(clientId, "profile", "d1");
        p.put("redirect_uri", HTTPS_REDIRECT);
        String code = Http.query(browser.authorizeAndApprove(p, "carol", "carol-password-1")).get("code");
        HttpResponse<String> tokens = OAuthFlow.exchange(Http.map("grant_type", "authorization_code", "code", code,
                "redirect_uri", HTTPS_REDIRECT, "code_verifier", browser.verifier), clientId, c.getString("client_secret"));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(204, manage("DELETE", c.getString("registration_client_uri"), c.getString("registration_access_token"), null).statusCode());
        assertEquals(0, Db.count("select count(*) from consent where client_id = ?", clientId));
        assertEquals(0, Db.count("select count(*) from token_grant where client_id = ? and revoked_at is null", clientId));
        HttpResponse<String> refresh = OAuthFlow.exchange(Http.map("grant_type", "refresh_token",
                "refresh_token", Http.json(tokens).getString("refresh_token")), clientId, c.getString("client_secret"));
        assertEquals(401, refresh.statusCode(), refresh.body());
    }

    @Test
    void aWrongRegistrationTokenIsOneAnswerWhetherTheClientExistsOrNot() {
        JsonObject c = registered(confidential("Guarded " + UUID.randomUUID(), HTTPS_REDIRECT));
        String uri = c.getString("registration_client_uri");
        HttpResponse<String> wrong = manage("GET", uri, "wrong-token", null);
        HttpResponse<String> missing = manage("GET", uri, null, null);
        HttpResponse<String> unknown = manage("GET", "/oauth2/register/no-such-client", "wrong-token", null);
        HttpResponse<String> consoleClient = manage("GET", "/oauth2/register/" + OAuthFlow.CONFIDENTIAL, "wrong-token", null);
        for (HttpResponse<String> r : java.util.List.of(wrong, missing, unknown, consoleClient)) {
            assertInvalidToken(r);
            assertEquals(wrong.body(), r.body());
        }
        assertInvalidToken(manage("PUT", uri, "wrong-token", "{}"));
        assertInvalidToken(manage("DELETE", uri, "wrong-token", null));
        assertInvalidToken(manage("DELETE", "/oauth2/register/" + OAuthFlow.CONFIDENTIAL, null, null));
        assertEquals(1, Db.count("select count(*) from client where client_id = ?", OAuthFlow.CONFIDENTIAL));
        assertNotEquals(null, Db.value("select name from client where client_id = ?", c.getString("client_id")));
    }

    @Test
    void oneAddressIsLimitedLikeTheTokenEndpointsThrottle() {
        String from = address();
        String body = confidential("Flood " + UUID.randomUUID(), HTTPS_REDIRECT);
        for (int i = 0; i < 10; i++) { // gatehouse.registration.max-per-address, default 10
            assertInvalidToken(register(body, "guess-" + i, from));
        }
        HttpResponse<String> blocked = register(body, validToken(), from);
        assertError(blocked, 429, "temporarily_unavailable");
        assertTrue(Long.parseLong(blocked.headers().firstValue("Retry-After").orElse("0")) > 0, blocked.headers().toString());
        assertEquals(201, register(body.replace("Flood", "Elsewhere"), validToken(), address()).statusCode(), "other addresses are not blocked");
    }
}
