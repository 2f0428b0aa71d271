package org.gatehouse.it.flow;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.JsonObject;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenID Connect Core 1.0 on the code flow, checked the way a relying party would: discovery read
 * and ID tokens validated by the Nimbus OIDC SDK's own validators (signature against the
 * published JWKS, iss, aud, exp, nonce, at_hash), UserInfo, and the prompt / max_age /
 * login_hint / id_token_hint decisions of the authorization endpoint.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenIdConnectIT {

    static final String CLIENT = "it-oidc";
    static final String SECRET = "it-oidc-secret-0123456789abcdefghijklmnopqrs";

    private static Map<String, String> request(OAuthFlow flow, String scope, String nonce) {
        Map<String, String> params = flow.request(CLIENT, scope, "st-" + System.nanoTime());
        if (nonce != null) {
            params.put("nonce", nonce);
        }
        return params;
    }

    private static JsonObject redeem(OAuthFlow flow, String redirect) {
        String code = Http.query(redirect).get("code");
        assertNotNull(code, redirect);
        HttpResponse<String> r = flow.exchange(code, CLIENT, SECRET);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static IDTokenClaimsSet validate(String idToken, String nonce) throws Exception {
        JWKSet keys = JWKSet.parse(Http.get("/oauth2/jwks").body());
        IDTokenValidator validator = new IDTokenValidator(new Issuer(Http.base()), new ClientID(CLIENT),
                JWSAlgorithm.parse(Http.signingAlgorithm()), keys);
        JWT jwt = JWTParser.parse(idToken);
        return validator.validate(jwt, nonce == null ? null : new Nonce(nonce));
    }

    @Test
    void discoveryIsTheOAuthDocumentPlusWhatOpenIdConnectAdds() throws Exception {
        HttpResponse<String> r = Http.get("/.well-known/openid-configuration");
        assertEquals(200, r.statusCode());
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(r.body());
        assertEquals(Http.base(), metadata.getIssuer().getValue());
        assertEquals(Http.base() + "/api/userinfo", metadata.getUserInfoEndpointURI().toString());
        assertEquals("[code]", metadata.getResponseTypes().toString());
        assertEquals("[public]", metadata.getSubjectTypes().toString());
        assertTrue(metadata.getIDTokenJWSAlgs().contains(JWSAlgorithm.parse(Http.signingAlgorithm())));
        assertTrue(metadata.getScopes().contains("openid"));
        assertFalse(metadata.supportsRequestURIParam());
        JsonObject oidc = Http.json(r);
        JsonObject oauth = Http.json(Http.get("/.well-known/oauth-authorization-server"));
        for (String member : oauth.keySet()) {
            assertEquals(oauth.get(member), oidc.get(member), member);
        }
        assertTrue(oidc.getJsonArray("claims_supported").toString().contains("\"nonce\""));
    }

    @Test
    void theCodeFlowWithOpenidReturnsAnIdTokenARelyingPartyAccepts() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        OAuthFlow flow = new OAuthFlow();
        String nonce = "n-" + System.nanoTime() + "-ü/+=";
        JsonObject tokens = redeem(flow, flow.authorizeAndApprove(request(flow, "openid profile", nonce), "alice", "alice-password-1"));
        IDTokenClaimsSet id = validate(tokens.getString("id_token"), nonce);
        assertEquals(nonce, id.getNonce().getValue(), "the nonce is echoed exactly");
        assertEquals(CLIENT, id.getAudience().get(0).getValue());
        assertEquals(1, id.getAudience().size());
        assertNotNull(id.getAuthenticationTime(), "auth_time");
        assertFalse(id.getAuthenticationTime().toInstant().isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertEquals("[pwd]", id.getAMR().toString());
        // at_hash binds the access token to the ID token (OIDC Core §3.1.3.8)
        AccessTokenValidator.validate(new BearerAccessToken(tokens.getString("access_token")),
                JWSAlgorithm.parse(Http.signingAlgorithm()), id.getAccessTokenHash());
        assertEquals(Http.json(Http.get("/api/userinfo", "Authorization", "Bearer " + tokens.getString("access_token")))
                .getString("sub"), id.getSubject().getValue(), "the same sub as UserInfo");
    }

    @Test
    void anIdTokenIsNeverAnAccessToken() throws Exception {
        OAuthFlow flow = new OAuthFlow();
        JsonObject tokens = redeem(flow, flow.authorizeAndApprove(request(flow, "openid profile", null), "alice", "alice-password-1"));
        HttpResponse<String> r = Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("id_token"));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void withoutOpenidThereIsNoIdToken() {
        OAuthFlow flow = new OAuthFlow();
        JsonObject tokens = redeem(flow, flow.authorizeAndApprove(request(flow, "profile", "ignored"), "alice", "alice-password-1"));
        assertFalse(tokens.containsKey("id_token"));
    }

    @Test
    void aRefreshWithOpenidGivesANewIdTokenOfTheSameSignIn() throws Exception {
        OAuthFlow flow = new OAuthFlow();
        JsonObject first = redeem(flow, flow.authorizeAndApprove(request(flow, "openid profile", "n1"), "bob", "bob-password-1"));
        IDTokenClaimsSet original = validate(first.getString("id_token"), "n1");
        HttpResponse<String> r = OAuthFlow.exchange(Http.map("grant_type", "refresh_token",
                "refresh_token", first.getString("refresh_token")), CLIENT, SECRET);
        assertEquals(200, r.statusCode(), r.body());
        IDTokenClaimsSet refreshed = validate(Http.json(r).getString("id_token"), null);
        assertEquals(original.getSubject(), refreshed.getSubject());
        assertEquals(original.getAuthenticationTime(), refreshed.getAuthenticationTime(), "auth_time of the original sign-in");
        assertNull(refreshed.getNonce(), "no nonce in a refreshed ID token (OIDC Core §12.2)");
        HttpResponse<String> narrowed = OAuthFlow.exchange(Http.map("grant_type", "refresh_token",
                "refresh_token", Http.json(r).getString("refresh_token"), "scope", "profile"), CLIENT, SECRET);
        assertEquals(200, narrowed.statusCode(), narrowed.body());
        assertFalse(Http.json(narrowed).containsKey("id_token"), "narrowed without openid: no ID token");
    }

    @Test
    void userInfoServesTheClaimsOfTheGrantedScopes() {
        OAuthFlow flow = new OAuthFlow();
        JsonObject tokens = redeem(flow, flow.authorizeAndApprove(request(flow, "openid profile email", null), "alice", "alice-password-1"));
        String bearer = "Bearer " + tokens.getString("access_token");
        HttpResponse<String> get = Http.get("/api/userinfo", "Authorization", bearer);
        assertEquals(200, get.statusCode(), get.body());
        JsonObject claims = Http.json(get);
        assertEquals("alice", claims.getString("preferred_username"));
        assertEquals("Alice Example", claims.getString("name"));
        assertEquals("alice@example.org", claims.getString("email"));
        assertTrue(claims.getBoolean("email_verified"));
        assertTrue(claims.getJsonNumber("updated_at").longValue() > 0);
        HttpResponse<String> post = Http.postForm("/api/userinfo", Map.of(), "Authorization", bearer);
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(claims, Http.json(post));

        OAuthFlow other = new OAuthFlow();
        JsonObject openidOnly = redeem(other, other.authorizeAndApprove(request(other, "openid", null), "alice", "alice-password-1"));
        JsonObject bare = Http.json(Http.get("/api/userinfo", "Authorization", "Bearer " + openidOnly.getString("access_token")));
        assertEquals(java.util.Set.of("sub"), bare.keySet(), "only sub without profile or email");
    }

    @Test
    void userInfoErrorsAreBearerErrors() {
        HttpResponse<String> none = Http.get("/api/userinfo");
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"gatehouse\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> bad = Http.get("/api/userinfo", "Authorization", "Bearer not-a-token");
        assertEquals(401, bad.statusCode());
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
        String withoutOpenid = OAuthFlow.tokens("profile").getString("access_token");
        HttpResponse<String> scope = Http.get("/api/userinfo", "Authorization", "Bearer " + withoutOpenid);
        assertEquals(403, scope.statusCode());
        assertTrue(scope.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\""));
    }

    @Test
    void promptNoneWithoutASessionIsLoginRequiredNeverAPage() {
        OAuthFlow flow = new OAuthFlow();
        Map<String, String> params = request(flow, "openid", null);
        params.put("prompt", "none");
        HttpResponse<String> r = flow.authorize(params);
        assertEquals(303, r.statusCode(), r.body());
        Map<String, String> answer = Http.query(OAuthFlow.location(r));
        assertTrue(OAuthFlow.location(r).startsWith(OAuthFlow.REDIRECT));
        assertEquals("login_required", answer.get("error"));
        assertEquals(params.get("state"), answer.get("state"));
        assertEquals(Http.base(), answer.get("iss"));
    }

    @Test
    void promptNoneWithASessionButNoConsentIsConsentRequired() {
        OAuthFlow flow = new OAuthFlow();
        // Sign in as dave and deny: a session, no remembered consent.
        HttpResponse<String> page = flow.follow(flow.signIn(flow.follow(flow.authorize(request(flow, "openid notes:read", null))),
                "dave", "dave-password-1"));
        assertTrue(page.body().contains("id=\"consent\""), page.body());
        assertEquals("access_denied", Http.query(OAuthFlow.location(flow.consent(page, false))).get("error"));
        Map<String, String> params = request(flow, "openid notes:read", null);
        params.put("prompt", "none");
        HttpResponse<String> r = flow.authorize(params);
        assertEquals("consent_required", Http.query(OAuthFlow.location(r)).get("error"));
    }

    @Test
    void promptNoneWithASessionAndConsentAnswersAtOnce() throws Exception {
        OAuthFlow flow = new OAuthFlow();
        redeem(flow, flow.authorizeAndApprove(request(flow, "openid profile", null), "carol", "carol-password-1"));
        Map<String, String> params = request(flow, "openid profile", "silent");
        params.put("prompt", "none");
        HttpResponse<String> r = flow.authorize(params);
        assertEquals(303, r.statusCode());
        JsonObject tokens = redeem(flow, OAuthFlow.location(r));
        assertEquals("silent", validate(tokens.getString("id_token"), "silent").getNonce().getValue());

        // An id_token_hint naming someone else: not this session's user, so login_required.
        OAuthFlow other = new OAuthFlow();
        String bobsToken = redeem(other, other.authorizeAndApprove(request(other, "openid", null), "bob", "bob-password-1"))
                .getString("id_token");
        params = request(flow, "openid profile", null);
        params.put("prompt", "none");
        params.put("id_token_hint", bobsToken);
        assertEquals("login_required", Http.query(OAuthFlow.location(flow.authorize(params))).get("error"));
        // ... and a hint naming carol herself is answered silently.
        params.put("id_token_hint", tokens.getString("id_token"));
        assertNotNull(Http.query(OAuthFlow.location(flow.authorize(params))).get("code"));
    }

    @Test
    void maxAgeZeroAndPromptLoginAskForAFreshSignIn() throws Exception {
        OAuthFlow flow = new OAuthFlow();
        JsonObject first = redeem(flow, flow.authorizeAndApprove(request(flow, "openid", null), "grace", "grace-password-1"));
        long firstAuth = validate(first.getString("id_token"), null).getAuthenticationTime().getTime();
        for (Map.Entry<String, String> ask : Map.of("max_age", "0", "prompt", "login").entrySet()) {
            Map<String, String> params = request(flow, "openid", null);
            params.put(ask.getKey(), ask.getValue());
            long asked = Instant.now().getEpochSecond() * 1000;
            HttpResponse<String> page = flow.follow(flow.authorize(params));
            assertTrue(page.body().contains("id=\"login\""), ask + ": the sign-in page again, though signed in");
            assertTrue(page.body().contains("id=\"sign-in-again\""), ask.toString());
            HttpResponse<String> back = flow.signIn(page, "grace", "grace-password-1");
            back = flow.follow(back);
            JsonObject tokens = redeem(flow, OAuthFlow.location(back));
            IDTokenClaimsSet id = validate(tokens.getString("id_token"), null);
            assertTrue(id.getAuthenticationTime().getTime() >= Math.max(firstAuth, asked),
                    ask + ": auth_time is the new sign-in's, not the session's first");
        }
        // A generous max_age accepts the session as it is.
        Map<String, String> params = request(flow, "openid", null);
        params.put("max_age", "3600");
        assertNotNull(Http.query(OAuthFlow.location(flow.authorize(params))).get("code"));
    }

    @Test
    void promptConsentAsksAgainDespiteARememberedConsent() {
        OAuthFlow flow = new OAuthFlow();
        flow.authorizeAndApprove(request(flow, "openid email", null), "heidi", "heidi-password-1");
        Map<String, String> params = request(flow, "openid email", null);
        params.put("prompt", "consent");
        HttpResponse<String> page = flow.follow(flow.authorize(params));
        assertTrue(page.body().contains("id=\"consent\""), page.body());
    }

    @Test
    void loginHintPrefillsTheUsername() {
        OAuthFlow flow = new OAuthFlow();
        Map<String, String> params = request(flow, "openid", null);
        params.put("login_hint", "ivan");
        HttpResponse<String> page = flow.follow(flow.authorize(params));
        assertEquals("ivan", OAuthFlow.formField(page.body(), "login", "username"));
    }

    @Test
    void badOpenIdParametersGoBackToTheClientWithTheirOwnErrors() {
        OAuthFlow flow = new OAuthFlow();
        Map<String, Map.Entry<String, String>> cases = Map.of(
                "request_not_supported", Map.entry("request", "eyJhbGciOiJub25lIn0.e30."),
                "request_uri_not_supported", Map.entry("request_uri", "https://client.example.org/r"),
                "invalid_request", Map.entry("prompt", "none login"));
        for (Map.Entry<String, Map.Entry<String, String>> c : cases.entrySet()) {
            Map<String, String> params = request(flow, "openid", null);
            params.put(c.getValue().getKey(), c.getValue().getValue());
            HttpResponse<String> r = flow.authorize(params);
            assertEquals(303, r.statusCode(), c.getKey());
            assertEquals(c.getKey(), Http.query(OAuthFlow.location(r)).get("error"), c.getValue().toString());
        }
        for (String[] bad : new String[][]{{"max_age", "-1"}, {"max_age", "soon"}, {"prompt", "sometimes"},
                {"id_token_hint", "not.an.idtoken"}}) {
            Map<String, String> params = request(flow, "openid", null);
            params.put(bad[0], bad[1]);
            assertEquals("invalid_request", Http.query(OAuthFlow.location(flow.authorize(params))).get("error"), bad[0]);
        }
    }
}
