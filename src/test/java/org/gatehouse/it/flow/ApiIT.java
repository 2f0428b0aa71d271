package org.gatehouse.it.flow;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protected API: bearer tokens verified locally, scopes enforced per method (RFC 6750). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    private static HttpResponse<String> me(String token) {
        return Http.get("/api/me", "Authorization", "Bearer " + token);
    }

    private static void assertInvalidToken(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer") && challenge.contains("error=\"invalid_token\""), challenge);
    }

    @Test
    void meReturnsTheAccountsProfile() {
        JsonObject tokens = OAuthFlow.tokens("profile");
        HttpResponse<String> r = me(tokens.getString("access_token"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = Http.json(r);
        assertEquals("alice", json.getString("username"));
        assertEquals("Alice Example", json.getString("name"));
    }

    /**
     * A client allowed scopes named like the page roles (written to the database directly: neither
     * the console nor the import accepts these names) gets a token with them, and the token opens
     * no page, however the path is spelled: the API's scopes are not the pages' roles.
     */
    @Test
    void aTokenWithScopesNamedLikeRolesOpensNoPage() {
        String clientId = "it-rogue-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String secret = "it-rogue-secret-0123456789abcdefghijklmnopq";
        org.gatehouse.it.Db.update("insert into client (client_id, name, client_type, auth_method, secret_hash, redirect_uris,"
                + " allowed_scopes, default_scopes, require_pkce, enabled, created_at, updated_at, version, grant_types)"
                + " values (?, ?, 'CONFIDENTIAL', 'CLIENT_SECRET_BASIC', ?, '', 'admin user profile', 'admin', true, true,"
                + " current_timestamp, current_timestamp, 0, 'client_credentials')", clientId, clientId, OAuthFlow.s256(secret));
        HttpResponse<String> issued = OAuthFlow.clientCredentials(clientId, secret, "admin user");
        assertEquals(200, issued.statusCode(), issued.body());
        String token = Http.json(issued).getString("access_token");
        for (String page : new String[] {"/admin/", "/admin/clients", "/consent"}) {
            HttpResponse<String> r = Http.get(page, "Authorization", "Bearer " + token);
            assertEquals(302, r.statusCode(), page + " " + r.body());
            assertTrue(r.headers().firstValue("Location").orElse("").contains("/login?next="), page);
        }
        String raw = Http.rawGet("/api/../admin/clients", "Authorization", "Bearer " + token);
        assertTrue(raw.startsWith("HTTP/1.1 302") && raw.contains("/login?next="), raw);
        assertTrue(!raw.contains("IT Confidential Client"), raw);
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        HttpResponse<String> r = Http.get("/api/me");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void missingScopeIs403InsufficientScopeNamingTheScope() {
        JsonObject tokens = OAuthFlow.tokens("profile");
        HttpResponse<String> r = Http.get("/api/notes", "Authorization", "Bearer " + tokens.getString("access_token"));
        assertEquals(403, r.statusCode());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_scope\"") && challenge.contains("scope=\"notes:read\""), challenge);
    }

    @Test
    void notesAreCreatedListedAndDeletedPerAccountWithTheRightScopes() {
        String rw = OAuthFlow.tokens("notes:read notes:write").getString("access_token");
        String readOnly = OAuthFlow.tokens("notes:read").getString("access_token");
        HttpResponse<String> created = Http.postRaw("/api/notes", "{\"text\":\"buy milk <b>\"}", "application/json",
                "Authorization", "Bearer " + rw);
        assertEquals(201, created.statusCode(), created.body());
        long id = Http.json(created).getJsonNumber("id").longValue();
        assertTrue(Http.get("/api/notes", "Authorization", "Bearer " + readOnly).body().contains("buy milk <b>"));
        assertEquals(403, Http.postRaw("/api/notes", "{\"text\":\"x\"}", "application/json",
                "Authorization", "Bearer " + readOnly).statusCode());
        assertEquals(400, Http.postRaw("/api/notes", "{\"nope\":1}", "application/json", "Authorization", "Bearer " + rw).statusCode());
        assertEquals(400, Http.postRaw("/api/notes", "not json", "application/json", "Authorization", "Bearer " + rw).statusCode());
        HttpRequestDelete delete = new HttpRequestDelete(id, rw);
        assertEquals(204, delete.send().statusCode());
        assertEquals(404, delete.send().statusCode());
    }

    private record HttpRequestDelete(long id, String token) {
        HttpResponse<String> send() {
            return Http.send(java.net.http.HttpRequest.newBuilder(Http.uri("/api/notes/" + id))
                    .header("Authorization", "Bearer " + token).DELETE().build());
        }
    }

    @Test
    void tamperedSignatureIsRejected() {
        String token = OAuthFlow.tokens("profile").getString("access_token");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"alice\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
        assertInvalidToken(me(forged));
        char last = parts[2].charAt(10);
        assertInvalidToken(me(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11)));
    }

    @Test
    void algNoneIsRejected() throws Exception {
        String token = OAuthFlow.tokens("profile").getString("access_token");
        PlainJWT none = new PlainJWT(SignedJWT.parse(token).getJWTClaimsSet());
        assertInvalidToken(me(none.serialize()));
    }

    @Test
    void tokenSignedByAForeignKeyWithTheSameKidIsRejected() throws Exception {
        SignedJWT real = SignedJWT.parse(OAuthFlow.tokens("profile").getString("access_token"));
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(foreign.getKeyID()).build(), real.getJWTClaimsSet());
        forged.sign(new RSASSASigner(foreign));
        assertInvalidToken(me(forged.serialize()));
    }

    @Test
    void garbageAndNonBearerSchemesAreRejected() {
        assertInvalidToken(me("not-a-jwt"));
        HttpResponse<String> basic = Http.get("/api/me", "Authorization", "Basic YTpi");
        assertEquals(401, basic.statusCode());
    }
}
