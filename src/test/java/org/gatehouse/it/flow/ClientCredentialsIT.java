package org.gatehouse.it.flow;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.gatehouse.it.OAuthFlow.CODE_ONLY;
import static org.gatehouse.it.OAuthFlow.CODE_ONLY_SECRET;
import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL;
import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL_SECRET;
import static org.gatehouse.it.OAuthFlow.PUBLIC;
import static org.gatehouse.it.OAuthFlow.REDIRECT;
import static org.gatehouse.it.OAuthFlow.SERVICE;
import static org.gatehouse.it.OAuthFlow.SERVICE_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client_credentials grant (RFC 6749 §4.4) and the grant types a client is registered for
 * (RFC 6749 §4.1.2.1, §5.2 {@code unauthorized_client}). Clients of {@code import-it.json} used:
 * <ul>
 *   <li>{@code it-service}: confidential, registered for client_credentials only; allowed
 *       {@code profile notes:read reports:read}, default {@code reports:read};</li>
 *   <li>{@code it-confidential}: confidential, the default authorization_code + refresh_token,
 *       so not registered for client_credentials (and not in the tokens' audience, so it learns
 *       nothing when it introspects another client's token);</li>
 *   <li>{@code it-public}: public (it cannot be registered for client_credentials at all);</li>
 *   <li>{@code it-code-only}: confidential, authorization_code without refresh_token.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientCredentialsIT {

    private static void assertError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject json = Http.json(r);
        assertEquals(error, json.getString("error"), r.body());
        assertTrue(json.containsKey("error_description"));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    }

    private static JsonObject token(String scope) {
        HttpResponse<String> r = OAuthFlow.clientCredentials(SERVICE, SERVICE_SECRET, scope);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static Set<String> scopes(String scope) {
        return Set.of(scope.split(" "));
    }

    private static long auditRowsAbout(String clientId) {
        return Db.count("select count(*) from audit_event where actor = ? or subject = ?", clientId, clientId);
    }

    @Test
    void issuesAnRfc9068TokenForTheClientItselfWithNoRefreshTokenAndStoresNothing() throws Exception {
        long audit = auditRowsAbout(SERVICE);
        HttpResponse<String> r = OAuthFlow.clientCredentials(SERVICE, SERVICE_SECRET, null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-cache", r.headers().firstValue("Pragma").orElse(null));
        JsonObject json = Http.json(r);
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals(600, json.getInt("expires_in"));
        assertEquals("reports:read", json.getString("scope"), "no scope requested: the client's default");
        assertFalse(json.containsKey("refresh_token"), "RFC 6749 §4.4.3: no refresh token");

        SignedJWT jwt = SignedJWT.parse(json.getString("access_token"));
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        RSAKey key = (RSAKey) JWKSet.parse(Http.get("/oauth2/jwks").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(Http.base(), claims.getIssuer());
        assertEquals(List.of(Http.base() + "/api"), claims.getAudience());
        assertEquals(SERVICE, claims.getSubject(), "RFC 9068 §2.2: the client is its own subject");
        assertEquals(SERVICE, claims.getStringClaim("client_id"));
        assertEquals("reports:read", claims.getStringClaim("scope"));
        assertTrue(claims.getJWTID().length() >= 20);
        assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.now()));
        assertTrue(claims.getIssueTime() != null);
        assertNull(claims.getClaim("preferred_username"));
        assertNull(claims.getClaim("gid"), "no grant behind it");

        assertEquals(0, Db.count("select count(*) from token_grant where client_id = ?", SERVICE));
        assertEquals(0, Db.count("select count(*) from refresh_token where client_id = ?", SERVICE));
        assertEquals(audit, auditRowsAbout(SERVICE), "a successful token is not audited");
    }

    @Test
    void theScopeMayBeAnySubsetOfTheAllowedScopes() {
        assertEquals(scopes("profile notes:read"), scopes(token("notes:read profile").getString("scope")));
        assertEquals("notes:read", token("notes:read").getString("scope"));
    }

    @Test
    void aScopeOutsideTheAllowedOnesIsInvalidScopeAndAudited() {
        long refusals = Db.count("select count(*) from audit_event where event_type = 'GRANT_REFUSED' and actor = ?", SERVICE);
        assertError(OAuthFlow.clientCredentials(SERVICE, SERVICE_SECRET, "notes:write"), 400, "invalid_scope");
        assertError(OAuthFlow.clientCredentials(SERVICE, SERVICE_SECRET, "profile admin:all"), 400, "invalid_scope");
        assertEquals(refusals + 2, Db.count("select count(*) from audit_event where event_type = 'GRANT_REFUSED' and actor = ?", SERVICE));
    }

    @Test
    void aPublicClientIsUnauthorized() {
        // it-public authenticates with its id alone; it is not (and cannot be) registered for the grant type.
        assertError(OAuthFlow.clientCredentials(PUBLIC, null, null), 400, "unauthorized_client");
    }

    @Test
    void aClientNotRegisteredForTheGrantTypeIsUnauthorizedAndAudited() {
        long refusals = Db.count("select count(*) from audit_event where event_type = 'GRANT_REFUSED' and actor = ?", CONFIDENTIAL);
        assertError(OAuthFlow.clientCredentials(CONFIDENTIAL, CONFIDENTIAL_SECRET, "profile"), 400, "unauthorized_client");
        assertError(OAuthFlow.clientCredentials(CODE_ONLY, CODE_ONLY_SECRET, null), 400, "unauthorized_client");
        assertEquals(refusals + 1, Db.count("select count(*) from audit_event where event_type = 'GRANT_REFUSED' and actor = ?", CONFIDENTIAL));
    }

    @Test
    void aWrongOrMissingSecretIsInvalidClient() {
        HttpResponse<String> r = OAuthFlow.clientCredentials(SERVICE, "wrong-secret", null);
        assertError(r, 401, "invalid_client");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertError(OAuthFlow.clientCredentials(SERVICE, null, null), 401, "invalid_client");
        assertError(OAuthFlow.clientCredentials(null, null, null), 401, "invalid_client");
    }

    @Test
    void theApiAcceptsTheTokenButItsPersonalResourcesNeedAUser() {
        String access = token("profile notes:read").getString("access_token");
        for (HttpResponse<String> r : List.of(Http.get("/api/me", "Authorization", "Bearer " + access),
                Http.get("/api/notes", "Authorization", "Bearer " + access))) {
            assertEquals(403, r.statusCode(), r.body());
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
            assertTrue(challenge.startsWith("Bearer") && challenge.contains("error=\"insufficient_scope\"")
                    && challenge.contains("error_description=\"This endpoint needs a token issued to a user\""), challenge);
            assertEquals("insufficient_scope", Http.json(r).getString("error"));
        }
        // Without the scope the method needs, the scope is what is missing (checked first).
        HttpResponse<String> r = Http.get("/api/me", "Authorization", "Bearer " + token(null).getString("access_token"));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("scope=\"profile\""));
    }

    @Test
    void introspectionShowsTheClientAsSubjectAndNoUsername() {
        String access = token("notes:read").getString("access_token");
        HttpResponse<String> r = Http.postForm("/oauth2/introspect", Http.map("token", access),
                "Authorization", Http.basic(SERVICE, SERVICE_SECRET));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = Http.json(r);
        assertTrue(json.getBoolean("active"), r.body());
        assertEquals(SERVICE, json.getString("sub"));
        assertEquals(SERVICE, json.getString("client_id"));
        assertEquals("notes:read", json.getString("scope"));
        assertEquals("Bearer", json.getString("token_type"));
        assertFalse(json.containsKey("username"), r.body());

        // RFC 7662 §4: another client (not in the token's aud) learns nothing about it.
        assertEquals("{\"active\":false}", Http.postForm("/oauth2/introspect", Http.map("token", access),
                "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET)).body());

        // RFC 7009 §2.2: there is no grant to revoke; the request is still answered 200.
        assertEquals(200, Http.postForm("/oauth2/revoke", Http.map("token", access),
                "Authorization", Http.basic(SERVICE, SERVICE_SECRET)).statusCode());
    }

    @Test
    void metadataListsTheDeployedGrantTypes() {
        JsonObject m = Http.json(Http.get("/.well-known/oauth-authorization-server"));
        assertEquals("[\"authorization_code\",\"client_credentials\",\"refresh_token\"]",
                m.getJsonArray("grant_types_supported").toString());
    }

    @Test
    void theAuthorizationEndpointRedirectsUnauthorizedClientForAClientWithoutAuthorizationCode() {
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> r = flow.authorize(flow.request(SERVICE, "profile", "st-1"));
        assertEquals(303, r.statusCode(), r.body());
        String location = OAuthFlow.location(r);
        assertTrue(location.startsWith(REDIRECT), location);
        Map<String, String> q = Http.query(location);
        assertEquals("unauthorized_client", q.get("error"));
        assertEquals("st-1", q.get("state"));
        assertEquals(Http.base(), q.get("iss"));
    }

    @Test
    void aClientWithoutRefreshTokenMayExchangeCodesButNotRefresh() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CODE_ONLY, "profile", "st-2"));
        assertEquals(200, flow.exchange(code, CODE_ONLY, CODE_ONLY_SECRET).statusCode());
        // Refused for the grant type before the token is even looked at.
        assertError(OAuthFlow.exchange(Http.map("grant_type", "refresh_token", "refresh_token", "not-a-token"),
                CODE_ONLY, CODE_ONLY_SECRET), 400, "unauthorized_client");
    }
}
