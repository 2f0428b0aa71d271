package org.gatehouse.it.flow;

import jakarta.json.JsonObject;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL;
import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 8414 metadata, the JWKS, RFC 7009 revocation and RFC 7662 introspection. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiscoveryAndRevocationIT {

    @Test
    void metadataDescribesTheServerExactly() {
        HttpResponse<String> r = Http.get("/.well-known/oauth-authorization-server");
        assertEquals(200, r.statusCode());
        JsonObject m = Http.json(r);
        assertEquals(Http.base(), m.getString("issuer"));
        assertEquals(Http.base() + "/oauth2/authorize", m.getString("authorization_endpoint"));
        assertEquals(Http.base() + "/oauth2/token", m.getString("token_endpoint"));
        assertEquals(Http.base() + "/oauth2/jwks", m.getString("jwks_uri"));
        assertEquals("[\"code\"]", m.getJsonArray("response_types_supported").toString());
        assertEquals("[\"S256\"]", m.getJsonArray("code_challenge_methods_supported").toString());
        assertTrue(m.getJsonArray("grant_types_supported").toString().contains("refresh_token"));
        assertTrue(m.getJsonArray("token_endpoint_auth_methods_supported").toString().contains("client_secret_basic"));
        assertTrue(m.getJsonArray("scopes_supported").toString().contains("notes:read"));
        assertTrue(m.getBoolean("authorization_response_iss_parameter_supported"));
    }

    @Test
    void jwksPublishesOnlyPublicKeys() {
        HttpResponse<String> r = Http.get("/oauth2/jwks");
        assertEquals(200, r.statusCode());
        JsonObject key = Http.json(r).getJsonArray("keys").getJsonObject(0);
        boolean ec = Http.signingAlgorithm().equals("ES256");
        assertEquals(ec ? "EC" : "RSA", key.getString("kty"));
        assertEquals(Http.signingAlgorithm(), key.getString("alg"));
        assertEquals("sig", key.getString("use"));
        assertTrue(key.containsKey("kid") && key.containsKey(ec ? "x" : "n"));
        assertFalse(key.containsKey("d") || key.containsKey("p"), "no private parts");
    }

    @Test
    void shortAliasesServeTheSameEndpoints() {
        assertEquals(Http.get("/oauth2/jwks").body(), Http.get("/jwks").body());
        HttpResponse<String> r = Http.postForm("/token", Http.map("grant_type", "nope"), "Authorization",
                Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET));
        assertEquals("unsupported_grant_type", Http.json(r).getString("error"));
    }

    @Test
    void revokingTheRefreshTokenStopsTheWholeGrant() {
        JsonObject tokens = OAuthFlow.tokens("profile");
        HttpResponse<String> r = Http.postForm("/oauth2/revoke", Http.map("token", tokens.getString("refresh_token"),
                "token_type_hint", "refresh_token"), "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET));
        assertEquals(200, r.statusCode());
        assertEquals(400, OAuthFlow.refresh(tokens.getString("refresh_token"), null).statusCode());
        assertEquals(401, Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("access_token")).statusCode());
    }

    @Test
    void revokingAnUnknownTokenIsStill200() {
        HttpResponse<String> r = Http.postForm("/oauth2/revoke", Http.map("token", "unknown"),
                "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET));
        assertEquals(200, r.statusCode());
    }

    @Test
    void revocationRequiresClientAuthentication() {
        HttpResponse<String> r = Http.postForm("/oauth2/revoke", Http.map("token", "x"),
                "Authorization", Http.basic(CONFIDENTIAL, "wrong"));
        assertEquals(401, r.statusCode());
    }

    /** RFC 7662 §2.1, §4: only the token's own client (or a client in its aud) learns about it. */
    @Test
    void anotherClientLearnsNothingAboutAToken() {
        JsonObject tokens = OAuthFlow.tokens("profile");
        for (String token : new String[] {tokens.getString("access_token"), tokens.getString("refresh_token")}) {
            HttpResponse<String> other = Http.postForm("/oauth2/introspect", Http.map("token", token,
                    "client_id", OAuthFlow.POST_CLIENT, "client_secret", OAuthFlow.POST_SECRET));
            assertEquals(200, other.statusCode(), other.body());
            assertEquals("{\"active\":false}", other.body());
            JsonObject own = Http.json(Http.postForm("/oauth2/introspect", Http.map("token", token),
                    "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET)));
            assertTrue(own.getBoolean("active"), own.toString());
            assertEquals(CONFIDENTIAL, own.getString("client_id"));
        }
    }

    @Test
    void introspectionReportsActiveThenInactive() {
        JsonObject tokens = OAuthFlow.tokens("profile");
        String access = tokens.getString("access_token");
        JsonObject active = Http.json(Http.postForm("/oauth2/introspect", Http.map("token", access),
                "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET)));
        assertTrue(active.getBoolean("active"));
        assertEquals("profile", active.getString("scope"));
        assertEquals("alice", active.getString("username"));
        Http.postForm("/oauth2/revoke", Http.map("token", access), "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET));
        JsonObject inactive = Http.json(Http.postForm("/oauth2/introspect", Http.map("token", access),
                "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET)));
        assertFalse(inactive.getBoolean("active"));
        assertEquals(1, inactive.size(), "nothing but active=false for an inactive token");
    }
}
