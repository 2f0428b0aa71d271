package org.gatehouse.admin.control;

import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.ClientType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientRulesTest {

    private static final Set<String> CATALOGUE = Set.of("profile", "notes:read");

    private static ClientForm valid() {
        ClientForm f = new ClientForm();
        f.setName("App");
        f.setType(ClientType.CONFIDENTIAL);
        f.setAuthMethod(AuthMethod.CLIENT_SECRET_BASIC);
        f.setRedirectUris("https://app.example.com/cb\n\n  http://127.0.0.1:8080/cb  \n");
        f.setAllowedScopes(List.of("profile"));
        return f;
    }

    private static Map<String, List<String>> problems(ClientForm f) {
        InvalidInput.Collector c = new InvalidInput.Collector();
        ClientRules.check(f, CATALOGUE, c);
        try {
            c.throwIfAny();
            return Map.of();
        } catch (InvalidInput e) {
            return e.problems();
        }
    }

    @Test
    void acceptsAValidFormIgnoringBlankLinesAndSurroundingSpace() {
        assertEquals(Map.of(), problems(valid()));
        assertEquals(List.of("https://app.example.com/cb", "http://127.0.0.1:8080/cb"), valid().redirectUriLines());
    }

    @Test
    void reportsEveryBadRedirectUriWithItsLine() {
        ClientForm f = valid();
        f.setRedirectUris("http://evil.example.com/cb\nhttps://a.example.com/cb#x\nhttps://a.example.com/ok\nhttps://a.example.com/ok");
        List<String> messages = problems(f).get("redirectUris");
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Line 1: http://evil.example.com/cb must use https"));
        assertTrue(messages.get(1).startsWith("Line 2:") && messages.get(1).contains("fragment"));
        assertTrue(messages.get(2).contains("Line 4") && messages.get(2).contains("twice"));
    }

    @Test
    void requiresARedirectUri() {
        ClientForm f = valid();
        f.setRedirectUris(" \n ");
        assertTrue(problems(f).containsKey("redirectUris"));
    }

    @Test
    void aClientCredentialsOnlyClientNeedsNoRedirectUri() {
        ClientForm f = valid();
        f.setRedirectUris("");
        f.setGrantTypes(List.of("client_credentials"));
        assertEquals(Map.of(), problems(f));
        f.setGrantTypes(List.of("client_credentials", "authorization_code"));
        assertEquals(List.of("At least one redirect URI is required for authorization_code."), problems(f).get("redirectUris"));
    }

    @Test
    void grantTypeProblemsAreReportedOnTheGrantTypesField() {
        ClientForm f = valid();
        f.setType(ClientType.PUBLIC);
        f.setAuthMethod(AuthMethod.NONE);
        f.setGrantTypes(List.of("authorization_code", "client_credentials"));
        Map<String, List<String>> p = problems(f);
        assertEquals(Set.of("grantTypes"), p.keySet());
        assertTrue(p.get("grantTypes").get(0).startsWith("client_credentials is only for confidential clients"), p.toString());
        f.setGrantTypes(List.of());
        assertEquals(List.of("Choose at least one grant type."), problems(f).get("grantTypes"));
    }

    @Test
    void aNewFormDefaultsToTheCodeFlowWithRefreshTokens() {
        assertEquals(List.of("authorization_code", "refresh_token"), new ClientForm().getGrantTypes());
    }

    @Test
    void rejectsScopesOutsideTheCatalogueAndDefaultsThatAreNotAllowed() {
        ClientForm f = valid();
        f.setAllowedScopes(List.of("profile", "admin:all"));
        f.setDefaultScopes(List.of("notes:read"));
        Map<String, List<String>> p = problems(f);
        assertEquals(List.of("Unknown scope: admin:all (it is not in the scope catalogue)."), p.get("allowedScopes"));
        assertTrue(p.get("defaultScopes").get(0).contains("notes:read"));
    }

    @Test
    void confidentialClientsNeedASecretBasedMethod() {
        ClientForm f = valid();
        f.setAuthMethod(AuthMethod.NONE);
        assertTrue(problems(f).containsKey("authMethod"));
    }

    @Test
    void lifetimesStayWithinBounds() {
        ClientForm f = valid();
        f.setAccessTokenTtl("59");
        f.setRefreshTokenTtl(String.valueOf(400 * 86_400));
        Map<String, List<String>> p = problems(f);
        assertTrue(p.containsKey("accessTokenTtl") && p.containsKey("refreshTokenTtl"));
        f.setAccessTokenTtl("86400");
        f.setRefreshTokenTtl(null);
        assertEquals(Map.of(), problems(f));
    }

    @Test
    void aLifetimeThatIsNotANumberIsOneMoreProblemOfTheSameRound() {
        ClientForm f = valid();
        f.setAccessTokenTtl("ten minutes");
        f.setRefreshTokenTtl(" 86400 ");
        f.setRedirectUris("http://example.com/cb#frag");
        f.setName(" ");
        Map<String, List<String>> p = problems(f);
        assertEquals(List.of("Enter a whole number of seconds, or leave it empty for the server default."), p.get("accessTokenTtl"));
        assertFalse(p.containsKey("refreshTokenTtl"), "spaces around a number are fine: " + p);
        assertTrue(p.containsKey("redirectUris") && p.containsKey("name"), "every other problem too: " + p);
        assertEquals(86_400, ClientRules.seconds(" 86400 "));
        assertEquals(null, ClientRules.seconds("ten minutes"));
        assertEquals(null, ClientRules.seconds("99999999999"));
    }

    @Test
    void clientIdsAreUrlAndLogFriendly() {
        ClientForm f = valid();
        f.setClientId("my app");
        assertTrue(problems(f).containsKey("clientId"));
        f.setClientId("my-app_1.x~");
        assertEquals(Map.of(), problems(f));
    }

    @Test
    void sortKeysOutsideTheWhitelistFallBackAndSearchWildcardsAreEscaped() {
        assertEquals(" order by c.id asc", new Sort("c.name; drop table client", true).orderBy(Map.of("name", "c.name"), "c.id asc"));
        assertEquals(" order by c.name desc, c.id asc", new Sort("name", false).orderBy(Map.of("name", "c.name"), "c.id asc"));
        assertEquals("%50\\%\\_off%", Sort.contains(" 50%_OFF "));
        assertThrows(InvalidInput.class, () -> { throw InvalidInput.of("x", "y"); });
    }
}
