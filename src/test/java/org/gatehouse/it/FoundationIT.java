package org.gatehouse.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ground: schema migrated, health green, bootstrap admin and import applied exactly once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

    @Test
    void readinessIsUpWithTheDatabaseChecked() {
        HttpResponse<String> ready = Http.get(Http.health("/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        // by name: WildFly adds checks of its own (deployments-status) before the application's
        JsonObject check = Http.json(ready).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "database".equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no database check in " + ready.body()));
        assertEquals("UP", check.getString("status"));
        assertEquals(200, Http.get(Http.health("/health/live")).statusCode());
    }

    @Test
    void everyMigrationIsApplied() {
        assertEquals(0, Db.count("select count(*) from \"schema_history\" where \"success\" = false"));
        assertTrue(Db.count("select count(*) from \"schema_history\" where \"version\" is not null") >= 2);
        assertEquals(3, Db.count("select count(*) from scope where name in ('profile', 'notes:read', 'notes:write')"));
    }

    @Test
    void bootstrapAdminIsCreatedExactlyOnceWithAHashedPassword() {
        assertEquals(1, Db.count("select count(*) from account where username = 'admin'"));
        String hash = (String) Db.value("select password_hash from account where username = 'admin'");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(((String) Db.value("select roles from account where username = 'admin'")).contains("admin"));
        assertEquals(1, Db.count("select count(*) from audit_event where event_type = 'ADMIN_BOOTSTRAPPED'"));
    }

    @Test
    void importCreatedClientsAccountsAndScopesWithSecretsHashed() {
        assertEquals(1, Db.count("select count(*) from scope where name = 'reports:read'"));
        assertEquals(1, Db.count("select count(*) from client where client_id = 'it-confidential'"));
        String secretHash = (String) Db.value("select secret_hash from client where client_id = 'it-confidential'");
        assertEquals(43, secretHash.length());
        assertNotEquals("it-confidential-secret-0123456789abcdefghijkl", secretHash);
        assertNull(Db.value("select secret_hash from client where client_id = 'it-public'"));
        assertEquals(2, Db.count("select count(*) from account where username in ('alice', 'bob')"));
    }

    @Test
    void signingKeyIsPersistedWithItsPrivatePartEncrypted() {
        assertEquals(1, Db.count("select count(*) from signing_key where status = 'ACTIVE'"));
        String sealed = (String) Db.value("select private_key_encrypted from signing_key where status = 'ACTIVE'");
        assertTrue(!sealed.contains("BEGIN") && !sealed.contains("\"d\""), "private key must not be stored in clear");
    }

    @Test
    void optionsOnTheProtocolEndpointsDescribeNoImplementation() {
        for (String path : new String[] {"/oauth2/token", "/oauth2/authorize", "/api/me", "/.well-known/oauth-authorization-server"}) {
            HttpResponse<String> r = Http.send(java.net.http.HttpRequest.newBuilder(Http.uri(path))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertTrue(r.statusCode() < 500, path + " " + r.statusCode());
            String body = r.body().toLowerCase();
            assertTrue(!body.contains("wadl") && !body.contains("jersey"), path + " answered " + r.body());
        }
    }

    @Test
    void hstsOnlyWhenATrustedProxySaysTheRequestCameOverHttps() {
        // The suite trusts loopback as a proxy (gatehouse.http.trusted-proxies in arquillian.xml).
        for (String path : new String[] {"/login", "/oauth2/authorize", "/.well-known/oauth-authorization-server"}) {
            HttpResponse<String> https = Http.get(path, "X-Forwarded-Proto", "https");
            assertEquals("max-age=31536000; includeSubDomains",
                    https.headers().firstValue("Strict-Transport-Security").orElse(null), path);
            HttpResponse<String> forwarded = Http.get(path, "Forwarded", "for=192.0.2.1;proto=https");
            assertTrue(forwarded.headers().firstValue("Strict-Transport-Security").isPresent(), path);
            HttpResponse<String> http = Http.get(path);
            assertTrue(http.headers().firstValue("Strict-Transport-Security").isEmpty(), "never over plain http: " + path);
            HttpResponse<String> proxiedHttp = Http.get(path, "X-Forwarded-Proto", "http");
            assertTrue(proxiedHttp.headers().firstValue("Strict-Transport-Security").isEmpty(), path);
        }
        // The session cookie follows the issuer (http here): not Secure, but HttpOnly and SameSite=Lax
        // (Payara takes SameSite from WEB-INF/glassfish-web.xml; without it the cookie had none).
        OAuthFlow flow = new OAuthFlow();
        String cookie = flow.signIn(flow.get("/login"), "alice", "alice-password-1").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("httponly") && attributes.contains("samesite=lax") && !attributes.contains("secure"), cookie);
    }
}
