package org.gatehouse.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule set of the console, the import file and dynamic registration. */
class SharedClientRulesTest {

    private static ClientRules.Draft draft(ClientType type, AuthMethod method, List<String> uris, Set<String> scopes, Set<String> grants) {
        return new ClientRules.Draft("App", type, method, uris, scopes, scopes, grants, null, null);
    }

    private static List<String> fields(ClientRules.Draft d) {
        return ClientRules.problems(d, Set.of("profile")).stream().map(ClientRules.Problem::field).toList();
    }

    @Test
    void aValidDraftHasNoProblem() {
        assertEquals(List.of(), fields(draft(ClientType.CONFIDENTIAL, AuthMethod.CLIENT_SECRET_POST,
                List.of("https://a.example/cb"), Set.of("profile"), Set.of("authorization_code", "refresh_token"))));
    }

    @Test
    void methodsFitTheType() {
        assertEquals(List.of("authMethod"), fields(draft(ClientType.CONFIDENTIAL, AuthMethod.NONE,
                List.of("https://a.example/cb"), Set.of("profile"), Set.of("authorization_code"))));
        assertEquals(List.of("authMethod"), fields(draft(ClientType.PUBLIC, AuthMethod.CLIENT_SECRET_BASIC,
                List.of("https://a.example/cb"), Set.of("profile"), Set.of("authorization_code"))));
    }

    @Test
    void redirectProblemsCarryTheirIndexAndValue() {
        List<ClientRules.Problem> p = ClientRules.problems(draft(ClientType.PUBLIC, AuthMethod.NONE,
                List.of("https://a.example/cb", "http://a.example/cb", "https://a.example/cb"), Set.of("profile"),
                Set.of("authorization_code")), Set.of("profile"));
        assertEquals(2, p.size(), p.toString());
        assertEquals(1, p.get(0).index());
        assertEquals("http://a.example/cb", p.get(0).value());
        assertTrue(p.get(0).atLine().startsWith("Line 2: http://a.example/cb must use https"), p.get(0).atLine());
        assertTrue(p.get(1).atLine().startsWith("Line 3: https://a.example/cb is listed twice"), p.get(1).atLine());
    }

    @Test
    void scopesAreRequiredExceptInTheImportFileAndMustBeKnown() {
        ClientRules.Draft none = draft(ClientType.CONFIDENTIAL, AuthMethod.CLIENT_SECRET_BASIC, List.of(), Set.of(), Set.of("client_credentials"));
        assertEquals(List.of("allowedScopes"), fields(none));
        assertEquals(List.of(), ClientRules.problems(none, null, false));
        assertEquals(List.of("allowedScopes"), fields(draft(ClientType.CONFIDENTIAL, AuthMethod.CLIENT_SECRET_BASIC, List.of(),
                Set.of("admin:all"), Set.of("client_credentials"))));
    }

    @Test
    void namesAreRequiredAndLimited() {
        ClientRules.Draft longName = new ClientRules.Draft("n".repeat(201), ClientType.PUBLIC, AuthMethod.NONE,
                List.of("https://a.example/cb"), Set.of("profile"), Set.of("profile"), Set.of("authorization_code"), null, null);
        assertEquals(List.of("name"), fields(longName));
    }

    @Test
    void postLogoutRedirectUrisFollowTheRedirectUriRulesInTheirOwnField() {
        ClientRules.Draft d = new ClientRules.Draft("App", ClientType.PUBLIC, AuthMethod.NONE, List.of("https://a.example/cb"),
                Set.of("profile"), Set.of("profile"), Set.of("authorization_code"), null, null,
                List.of("https://a.example/bye?from=gatehouse", "http://a.example/bye", "https://a.example/x#f",
                        "https://a.example/bye?from=gatehouse"));
        List<ClientRules.Problem> p = ClientRules.problems(d, Set.of("profile"));
        assertEquals(List.of("postLogoutRedirectUris", "postLogoutRedirectUris", "postLogoutRedirectUris"),
                p.stream().map(ClientRules.Problem::field).toList());
        assertEquals(List.of(1, 2, 3), p.stream().map(ClientRules.Problem::index).toList());
        assertTrue(p.get(2).message().contains("twice"), p.get(2).message());
    }
}
