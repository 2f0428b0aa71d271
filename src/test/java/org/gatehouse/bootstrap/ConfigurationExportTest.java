package org.gatehouse.bootstrap;

import jakarta.json.Json;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientType;
import org.gatehouse.playground.PlaygroundClients;
import org.gatehouse.scope.Scope;
import org.gatehouse.user.Account;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export is an import file the importer accepts, holds what was configured and no secret. */
class ConfigurationExportTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void roundTripsThroughTheImportFileParserWithoutSecrets() {
        Client web = new Client("web", ClientType.CONFIDENTIAL, NOW);
        web.setName("Web <App>");
        web.setAuthMethod(AuthMethod.CLIENT_SECRET_POST);
        web.setSecretHash("ab".repeat(32));
        web.setRedirectUris(List.of("https://web.example/cb", "https://web.example/cb2"));
        web.setPostLogoutRedirectUris(List.of("https://web.example/bye"));
        web.setAllowedScopes(Set.of("openid", "profile"));
        web.setDefaultScopes(Set.of("openid"));
        web.setAccessTokenTtlSeconds(600);
        web.setRegistrationTokenHash("cd".repeat(32));
        Client playground = new Client(PlaygroundClients.CONFIDENTIAL_ID, ClientType.CONFIDENTIAL, NOW);
        playground.setName("Playground");
        Account alice = new Account("alice", "$argon2id$v=19$secret-hash", Set.of("user", "admin"), NOW);
        alice.setEmail("alice@example.org");
        alice.setEmailVerified(true);

        String json = ConfigurationExport.write(List.of(new Scope("profile", "Your profile", NOW)), List.of(web, playground), List.of(alice));

        assertFalse(json.contains("ab".repeat(32)) || json.contains("cd".repeat(32)) || json.contains("argon2"), json);
        assertFalse(json.contains("\"secret\"") || json.contains("\"password\""), json);
        assertFalse(json.contains(PlaygroundClients.CONFIDENTIAL_ID), "every server registers its own playground");
        ImportFile file = ImportFile.parse(Json.createReader(new StringReader(json)).readObject());
        ImportFile.ClientEntry c = file.clients().get(0);
        assertEquals(1, file.clients().size());
        assertEquals("Web <App>", c.name());
        assertEquals(AuthMethod.CLIENT_SECRET_POST, c.authMethod());
        assertEquals(List.of("https://web.example/cb", "https://web.example/cb2"), c.redirectUris());
        assertEquals(List.of("https://web.example/bye"), c.postLogoutRedirectUris());
        assertEquals(Set.of("openid", "profile"), c.allowedScopes());
        assertEquals(600, c.accessTtl());
        assertEquals(null, c.secret());
        assertFalse(c.differsFrom(web), "importing the export into the same server changes nothing");
        ImportFile.AccountEntry a = file.accounts().get(0);
        assertEquals(Set.of("user", "admin"), a.roles());
        assertTrue(a.emailVerified());
        assertEquals(null, a.password());
        assertEquals("Your profile", file.scopes().get(0).description());
    }
}
