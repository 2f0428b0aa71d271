package org.gatehouse.registration;

import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.client.ClientType;
import org.gatehouse.error.OAuthException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7591 request parsing and the shared client rules, as registration applies them. */
class RegistrationMetadataTest {

    private static final Set<String> KNOWN = Set.of("profile", "notes:read", "notes:write");

    private static RegistrationMetadata.Request parse(String json) {
        return RegistrationMetadata.parse(json.replace('\'', '"'), KNOWN, "generated-id", false);
    }

    private static OAuthException error(String json) {
        return assertThrows(OAuthException.class, () -> parse(json));
    }

    private static void assertError(String error, String fieldPrefix, String json) {
        OAuthException e = error(json);
        assertEquals(error, e.error(), e.description());
        assertEquals(400, e.status());
        assertTrue(e.description().startsWith(fieldPrefix), e.description());
    }

    @Test
    void aMinimalRequestIsAConfidentialCodeClientWithTheRfcDefaults() {
        RegistrationMetadata.Request r = parse("{'redirect_uris':['https://app.example/cb'],'scope':'profile notes:read'}");
        assertEquals(ClientType.CONFIDENTIAL, r.draft().type());
        assertEquals(AuthMethod.CLIENT_SECRET_BASIC, r.draft().authMethod()); // RFC 7591 §2 default
        assertEquals(Set.of("authorization_code"), Set.copyOf(r.draft().grantTypes())); // RFC 7591 §2 default
        assertEquals(List.of("https://app.example/cb"), r.draft().redirectUris());
        assertEquals(Set.of("profile", "notes:read"), Set.copyOf(r.draft().allowedScopes()));
        assertEquals("generated-id", r.draft().name());
    }

    @Test
    void aPublicClientAuthenticatesWithNoneAndUnknownFieldsAreIgnored() {
        RegistrationMetadata.Request r = parse("{'redirect_uris':['http://127.0.0.1:7000/cb','com.example.app:/cb'],"
                + "'token_endpoint_auth_method':'none','grant_types':['authorization_code','refresh_token'],"
                + "'response_types':['code'],'client_name':'My App','scope':'profile','x_vendor_field':{'a':1},"
                + "'client_uri':'https://app.example/','contacts':['a@app.example']}");
        assertEquals(ClientType.PUBLIC, r.draft().type());
        assertEquals(AuthMethod.NONE, r.draft().authMethod());
        assertEquals("My App", r.draft().name());
    }

    @Test
    void redirectUriRulesAreTheConsoles() {
        assertError("invalid_redirect_uri", "redirect_uris[0]: http://app.example/cb must use https",
                "{'redirect_uris':['http://app.example/cb'],'scope':'profile'}");
        assertError("invalid_redirect_uri", "redirect_uris", "{'redirect_uris':['https://app.example/cb#x'],'scope':'profile'}");
        assertError("invalid_redirect_uri", "redirect_uris[1]", "{'redirect_uris':['https://a.example/cb','https://*.example/cb'],'scope':'profile'}");
        assertError("invalid_redirect_uri", "redirect_uris[1]: https://a.example/cb is listed twice",
                "{'redirect_uris':['https://a.example/cb','https://a.example/cb'],'scope':'profile'}");
        assertError("invalid_redirect_uri", "redirect_uris: At least one redirect URI is required",
                "{'scope':'profile'}");
        assertError("invalid_redirect_uri", "redirect_uris", "{'redirect_uris':['/relative'],'scope':'profile'}");
    }

    @Test
    void grantTypesResponseTypesAndAuthMethodsGatehouseDoesNotSupportAreRefused() {
        assertError("invalid_client_metadata", "grant_types: Unknown grant type: implicit",
                "{'redirect_uris':['https://a.example/cb'],'grant_types':['implicit'],'scope':'profile'}");
        assertError("invalid_client_metadata", "grant_types: client_credentials is only for confidential clients",
                "{'redirect_uris':['https://a.example/cb'],'grant_types':['authorization_code','client_credentials'],"
                        + "'token_endpoint_auth_method':'none','scope':'profile'}");
        assertError("invalid_client_metadata", "response_types: only code",
                "{'redirect_uris':['https://a.example/cb'],'response_types':['token'],'scope':'profile'}");
        assertError("invalid_client_metadata", "response_types: code goes together",
                "{'redirect_uris':['https://a.example/cb'],'response_types':['code'],'grant_types':['client_credentials'],'scope':'profile'}");
        assertError("invalid_client_metadata", "token_endpoint_auth_method",
                "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_method':'private_key_jwt','scope':'profile'}");
        assertError("invalid_client_metadata", "jwks_uri: client keys are not supported",
                "{'redirect_uris':['https://a.example/cb'],'jwks_uri':'https://a.example/jwks','scope':'profile'}");
        assertError("invalid_client_metadata", "jwks:", "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[]},'scope':'profile'}");
        assertError("invalid_client_metadata", "software_statement",
                "{'redirect_uris':['https://a.example/cb'],'software_statement':'a.b.c','scope':'profile'}");
    }

    @Test
    void aClientCredentialsClientNeedsNoRedirectUriAndNoResponseType() {
        RegistrationMetadata.Request r = parse("{'grant_types':['client_credentials'],'scope':'profile'}");
        assertEquals(List.of(), r.draft().redirectUris());
    }

    @Test
    void scopesMustBeKnownAndNamed() {
        assertError("invalid_client_metadata", "scope: Unknown scope: admin:all",
                "{'redirect_uris':['https://a.example/cb'],'scope':'profile admin:all'}");
        assertError("invalid_client_metadata", "scope: name the scopes", "{'redirect_uris':['https://a.example/cb']}");
    }

    @Test
    void namesAndEveryInputAreLengthLimited() {
        assertError("invalid_client_metadata", "client_name: Name must be at most 200",
                "{'redirect_uris':['https://a.example/cb'],'scope':'profile','client_name':'" + "n".repeat(201) + "'}");
        assertError("invalid_client_metadata", "client_uri: must not be longer than 2000",
                "{'redirect_uris':['https://a.example/cb'],'scope':'profile','client_uri':'https://a.example/" + "x".repeat(2000) + "'}");
        StringBuilder many = new StringBuilder("{'scope':'profile','redirect_uris':[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("'https://a.example/").append(i).append("'");
        }
        assertError("invalid_client_metadata", "redirect_uris: must not have more than 50", many + "]}");
        assertError("invalid_client_metadata", "A field name is too long",
                "{'redirect_uris':['https://a.example/cb'],'scope':'profile','" + "k".repeat(101) + "':1}");
        assertError("invalid_client_metadata", "client_name: contains a NUL",
                "{'redirect_uris':['https://a.example/cb'],'scope':'profile','client_name':'a\\u0000b'}");
    }

    @Test
    void wrongTypesAndNonJsonAreInvalidClientMetadata() {
        assertError("invalid_client_metadata", "The request body is not a JSON object", "not json");
        assertError("invalid_client_metadata", "The request body is not a JSON object", "['an array']");
        assertError("invalid_client_metadata", "The request body must be a JSON object", "");
        assertError("invalid_client_metadata", "redirect_uris", "{'redirect_uris':'https://a.example/cb','scope':'profile'}");
        assertError("invalid_client_metadata", "scope", "{'redirect_uris':['https://a.example/cb'],'scope':42}");
        assertError("invalid_client_metadata", "grant_types", "{'redirect_uris':['https://a.example/cb'],'scope':'profile','grant_types':[1]}");
    }

    @Test
    void anUpdateMustNotSendWhatTheServerAssigns() {
        OAuthException e = assertThrows(OAuthException.class, () -> RegistrationMetadata.parse(
                "{\"client_id\":\"c\",\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"profile\",\"registration_access_token\":\"t\"}",
                KNOWN, "c", true));
        assertEquals("invalid_client_metadata", e.error());
        RegistrationMetadata.Request r = RegistrationMetadata.parse(
                "{\"client_id\":\"c\",\"client_secret\":\"s\",\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"profile\"}",
                KNOWN, "c", true);
        assertEquals("c", r.clientId().orElseThrow());
        assertEquals("s", r.clientSecret().orElseThrow());
    }

    @Test
    void theResponseCarriesTheRegisteredMetadataWrittenByTheSdk() {
        Client c = new Client("abc", ClientType.PUBLIC, Instant.parse("2026-01-01T00:00:00Z"));
        c.setName("My App");
        c.setRedirectUris(List.of("http://127.0.0.1:7000/cb"));
        c.setAllowedScopes(Set.of("profile"));
        c.setGrantTypes(Set.of("authorization_code"));
        String json = Registrations.metadata(c).toJSONObject().toJSONString();
        assertTrue(json.contains("\"token_endpoint_auth_method\":\"none\""), json);
        assertTrue(json.contains("\"response_types\":[\"code\"]"), json);
        assertTrue(json.contains("\"client_name\":\"My App\""), json);
        assertFalse(json.contains("id_token_signed_response_alg"), json);
    }

    @Test
    void postLogoutRedirectUrisAreRegisteredByTheSameRules() {
        RegistrationMetadata.Request r = parse("{'redirect_uris':['https://app.example/cb'],'scope':'profile',"
                + "'post_logout_redirect_uris':['https://app.example/bye']}");
        assertEquals(java.util.List.of("https://app.example/bye"), r.draft().postLogoutRedirectUris());
        assertError("invalid_client_metadata", "post_logout_redirect_uris[0]", "{'redirect_uris':['https://app.example/cb'],"
                + "'scope':'profile','post_logout_redirect_uris':['http://app.example/bye']}");
    }
}
