package org.gatehouse.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.gatehouse.client.GrantTypes.AUTHORIZATION_CODE;
import static org.gatehouse.client.GrantTypes.CLIENT_CREDENTIALS;
import static org.gatehouse.client.GrantTypes.REFRESH_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grant-type registration rules (RFC 6749 §4.4, §6, §3.1.2) on their own. */
class GrantTypesTest {

    private static final List<String> ONE_URI = List.of("https://app.example/cb");

    private static List<GrantTypes.Problem> problems(ClientType type, Set<String> grantTypes, List<String> uris) {
        return GrantTypes.problems(type, grantTypes, uris);
    }

    @Test
    void theDefaultIsTheCodeFlowWithRefreshTokens() {
        assertEquals(List.of(AUTHORIZATION_CODE, REFRESH_TOKEN), List.copyOf(GrantTypes.DEFAULT));
        assertEquals(List.of(), problems(ClientType.PUBLIC, GrantTypes.DEFAULT, ONE_URI));
        assertEquals(List.of(), problems(ClientType.CONFIDENTIAL, GrantTypes.DEFAULT, ONE_URI));
    }

    @Test
    void aConfidentialClientMayCombineAllThree() {
        assertEquals(List.of(), problems(ClientType.CONFIDENTIAL, Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS), ONE_URI));
        assertEquals(List.of(), problems(ClientType.CONFIDENTIAL, Set.of(AUTHORIZATION_CODE), ONE_URI));
    }

    @Test
    void onlyClientCredentialsNeedsNoRedirectUri() {
        assertEquals(List.of(), problems(ClientType.CONFIDENTIAL, Set.of(CLIENT_CREDENTIALS), List.of()));
        assertEquals(List.of(), problems(ClientType.CONFIDENTIAL, Set.of(CLIENT_CREDENTIALS), ONE_URI), "a redirect URI is harmless");
    }

    @Test
    void authorizationCodeNeedsARedirectUri() {
        List<GrantTypes.Problem> p = problems(ClientType.CONFIDENTIAL, Set.of(AUTHORIZATION_CODE, CLIENT_CREDENTIALS), List.of());
        assertEquals(1, p.size(), p.toString());
        assertEquals("redirectUris", p.get(0).field());
        assertTrue(p.get(0).message().contains("redirect URI"), p.get(0).message());
    }

    @Test
    void clientCredentialsIsOnlyForConfidentialClients() {
        List<GrantTypes.Problem> p = problems(ClientType.PUBLIC, Set.of(AUTHORIZATION_CODE, CLIENT_CREDENTIALS), ONE_URI);
        assertEquals(1, p.size(), p.toString());
        assertEquals("grantTypes", p.get(0).field());
        assertTrue(p.get(0).message().startsWith("client_credentials is only for confidential clients"), p.get(0).message());
    }

    @Test
    void refreshTokenOnlyTogetherWithAuthorizationCode() {
        List<GrantTypes.Problem> p = problems(ClientType.CONFIDENTIAL, Set.of(REFRESH_TOKEN, CLIENT_CREDENTIALS), List.of());
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("refresh_token is only available together with authorization_code"));
        assertEquals(1, problems(ClientType.PUBLIC, Set.of(REFRESH_TOKEN), ONE_URI).size());
    }

    @Test
    void unknownAndMissingGrantTypesAreRefused() {
        List<GrantTypes.Problem> p = problems(ClientType.CONFIDENTIAL, Set.of("password"), ONE_URI);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("Unknown grant type: password"), p.get(0).message());
        assertEquals("Choose at least one grant type.", problems(ClientType.CONFIDENTIAL, Set.of(), ONE_URI).get(0).message());
        assertTrue(problems(null, Set.of(CLIENT_CREDENTIALS), List.of()).isEmpty(), "no type chosen is reported elsewhere");
    }
}
