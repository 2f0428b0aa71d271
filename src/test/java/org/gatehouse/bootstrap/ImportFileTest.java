package org.gatehouse.bootstrap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportFileTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    private static String error(String s) {
        return assertThrows(ImportException.class, () -> ImportFile.parse(json(s))).getMessage();
    }

    @Test
    void tokenLifetimesAreCappedAsInTheConsole() {
        String client = "{'clients':[{'clientId':'c','secret':'0123456789abcdef0123456789abcdef',"
                + "'redirectUris':['https://x.example/cb'],'allowedScopes':['profile'],%s}]}";
        assertEquals("clients[0].accessTokenTtl: must be between PT1M and PT24H",
                error(String.format(client, "'accessTokenTtl':'P2D'")));
        assertEquals("clients[0].accessTokenTtl: must be between PT1M and PT24H",
                error(String.format(client, "'accessTokenTtl':'PT5S'")));
        assertEquals("clients[0].refreshTokenTtl: must be between PT1M and PT8784H",
                error(String.format(client, "'refreshTokenTtl':'P400D'")));
        assertEquals(86_400, ImportFile.parse(json(String.format(client, "'accessTokenTtl':'P1D'")))
                .clients().get(0).accessTtl());
    }

    @Test
    void parsesAValidFile() {
        ImportFile f = ImportFile.parse(json("{'scopes':[{'name':'a:b','description':'A'}],"
                + "'clients':[{'clientId':'c','secret':'0123456789abcdef0123456789abcdef','redirectUris':['https://x.example/cb'],'allowedScopes':['a:b']}],"
                + "'accounts':[{'username':'u','password':'password1','roles':['admin']}]}"));
        assertEquals(1, f.clients().size());
        assertEquals(java.util.Set.of("a:b"), f.clients().get(0).defaultScopes());
        assertTrue(f.accounts().get(0).roles().contains("user"));
    }

    @Test
    void aPageRoleNameCannotBeImportedAsAScope() {
        assertTrue(error("{'scopes':[{'name':'admin','description':'A'}]}").contains("scopes[0].name: 'admin' is reserved"));
        assertTrue(error("{'scopes':[{'name':'User','description':'A'}]}").contains("is reserved"));
        assertTrue(error("{'scopes':[{'name':'a b','description':'A'}]}").contains("is not a scope token"));
    }

    @Test
    void grantTypesDefaultToTheCodeFlowAndAClientCredentialsClientNeedsNoRedirectUri() {
        ImportFile f = ImportFile.parse(json("{'clients':["
                + "{'clientId':'web','secret':'0123456789abcdef0123456789abcdef','redirectUris':['https://x.example/cb'],'allowedScopes':['profile']},"
                + "{'clientId':'svc','secret':'0123456789abcdef0123456789abcdef','grantTypes':['client_credentials'],'allowedScopes':['profile']}]}"));
        assertEquals(java.util.Set.of("authorization_code", "refresh_token"), f.clients().get(0).grantTypes());
        assertEquals(java.util.Set.of("client_credentials"), f.clients().get(1).grantTypes());
        assertEquals(java.util.List.of(), f.clients().get(1).redirectUris());
    }

    @Test
    void grantTypeRulesNameTheEntry() {
        assertTrue(error("{'clients':[{'clientId':'c','type':'public','grantTypes':['authorization_code','client_credentials'],"
                + "'redirectUris':['https://x.example/cb']}]}").startsWith("clients[0].grantTypes: client_credentials is only for confidential clients"));
        assertTrue(error("{'clients':[{'clientId':'c','secret':'0123456789abcdef0123456789abcdef','grantTypes':['implicit'],"
                + "'redirectUris':['https://x.example/cb']}]}").startsWith("clients[0].grantTypes: Unknown grant type: implicit"));
        assertTrue(error("{'clients':[{'clientId':'c','secret':'0123456789abcdef0123456789abcdef','grantTypes':['refresh_token','client_credentials']}]}")
                .startsWith("clients[0].grantTypes: refresh_token is only available together with authorization_code"));
        assertTrue(error("{'clients':[{'clientId':'c','secret':'0123456789abcdef0123456789abcdef'}]}")
                .startsWith("clients[0].redirectUris: At least one redirect URI is required"));
        assertTrue(error("{'clients':[{'clientId':'c','secret':'0123456789abcdef0123456789abcdef','grantTypes':'client_credentials'}]}")
                .startsWith("clients[0].grantTypes: must be an array"));
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("server-config/import-example.json"));
        ImportFile f = ImportFile.parse(Json.createReader(new StringReader(example)).readObject());
        assertEquals(3, f.clients().size());
        assertEquals(java.util.Set.of("client_credentials"), f.clients().get(2).grantTypes());
        assertEquals(1, f.accounts().size());
    }

    @Test
    void namesTheBadEntry() {
        assertTrue(error("{'clients':[{'clientId':'ok','secret':'0123456789abcdef0123456789abcdef','redirectUris':['https://x.example/cb']},"
                + "{'clientId':'bad','redirectUris':['https://x.example/cb#frag'],'type':'public'}]}")
                .startsWith("clients[1].redirectUris[0]"));
        assertTrue(error("{'accounts':[{'username':'u','password':'short'}]}").startsWith("accounts[0].password"));
        assertTrue(error("{'clients':[{'clientId':'c','secret':'tooshort','redirectUris':['https://x.example/cb']}]}")
                .startsWith("clients[0].secret"));
        assertTrue(error("{'accounts':[{'username':'u','password':'password1'},{'username':'u','password':'password2'}]}")
                .contains("appears twice"));
        assertTrue(error("{'users':[]}").contains("unknown top-level section"));
        assertTrue(error("{'clients':[{'clientId':'c','type':'public','authMethod':'client_secret_basic','redirectUris':['https://x.example/cb']}]}")
                .startsWith("clients[0].authMethod"));
    }

    @Test
    void postLogoutRedirectUrisAreImportedAndJudgedByTheSameRules() {
        ImportFile f = ImportFile.parse(json("{'clients':[{'clientId':'web','secret':'0123456789abcdef0123456789abcdef',"
                + "'redirectUris':['https://x.example/cb'],'postLogoutRedirectUris':['https://x.example/bye'],'allowedScopes':['profile']}]}"));
        assertEquals(java.util.List.of("https://x.example/bye"), f.clients().get(0).postLogoutRedirectUris());
        String message = error("{'clients':[{'clientId':'web','secret':'0123456789abcdef0123456789abcdef',"
                + "'redirectUris':['https://x.example/cb'],'postLogoutRedirectUris':['http://x.example/bye'],'allowedScopes':['profile']}]}");
        assertTrue(message.startsWith("clients[0].postLogoutRedirectUris[0]:"), message);
    }
}
