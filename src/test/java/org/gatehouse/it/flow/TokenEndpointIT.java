package org.gatehouse.it.flow;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL;
import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL_SECRET;
import static org.gatehouse.it.OAuthFlow.POST_CLIENT;
import static org.gatehouse.it.OAuthFlow.POST_SECRET;
import static org.gatehouse.it.OAuthFlow.PUBLIC;
import static org.gatehouse.it.OAuthFlow.REDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token endpoint (RFC 6749 §3.2, §4.1.3, §5, §6; RFC 7636; RFC 9068; RFC 9700). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenEndpointIT {

    private static void assertError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject json = Http.json(r);
        assertEquals(error, json.getString("error"), r.body());
        assertTrue(json.containsKey("error_description"));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void exchangesACodeForARfc9068AccessTokenAndARefreshToken() throws Exception {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, "profile notes:read", "x"));
        HttpResponse<String> r = flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        JsonObject json = Http.json(r);
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals(600, json.getInt("expires_in"));
        assertEquals(Set("profile notes:read"), Set(json.getString("scope")));
        String refresh = json.getString("refresh_token");
        assertEquals(0, Db.count("select count(*) from refresh_token where token_hash = ?", refresh));
        assertEquals(1, Db.count("select count(*) from refresh_token where token_hash = ?", OAuthFlow.s256(refresh)));

        SignedJWT jwt = SignedJWT.parse(json.getString("access_token"));
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals(Http.signingAlgorithm(), jwt.getHeader().getAlgorithm().getName());
        JWKSet jwks = JWKSet.parse(Http.get("/oauth2/jwks").body());
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
        assertTrue(jwt.verify(verifier), "signature verifies against the published JWKS");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(Http.base(), claims.getIssuer());
        assertEquals(List.of(Http.base() + "/api"), claims.getAudience());
        assertEquals(CONFIDENTIAL, claims.getStringClaim("client_id"));
        assertEquals(Set("profile notes:read"), Set(claims.getStringClaim("scope")));
        assertEquals(Db.value("select subject from account where username = 'alice'"), claims.getSubject());
        assertTrue(claims.getJWTID().length() >= 20);
        assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.now()));
        assertTrue(claims.getIssueTime() != null);
    }

    private static java.util.Set<String> Set(String scope) {
        return java.util.Set.of(scope.split(" "));
    }

    @Test
    void clientSecretPostWorksForAClientRegisteredForIt() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(POST_CLIENT, "profile", "x"));
        Map<String, String> form = Http.map("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "code_verifier", flow.verifier, "client_id", POST_CLIENT, "client_secret", POST_SECRET);
        assertEquals(200, Http.postForm("/oauth2/token", form).statusCode());
    }

    @Test
    void publicClientAuthenticatesWithPkceOnly() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(PUBLIC, "profile", "x"));
        HttpResponse<String> r = flow.exchange(code, PUBLIC, null);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void wrongSecretIsInvalidClientWith401AndAChallenge() {
        HttpResponse<String> r = OAuthFlow.exchange(Http.map("grant_type", "authorization_code", "code", "x",
                "redirect_uri", REDIRECT, "code_verifier", OAuthFlow.randomVerifier()), CONFIDENTIAL, "wrong-secret");
        assertError(r, 401, "invalid_client");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertTrue(Db.count("select count(*) from audit_event where event_type = 'CLIENT_AUTH_FAILED'") > 0);
    }

    @Test
    void unknownClientAndWrongMethodAreInvalidClient() {
        assertError(OAuthFlow.exchange(Http.map("grant_type", "refresh_token", "refresh_token", "x"), "nobody", "secret"),
                401, "invalid_client");
        // it-post is registered for client_secret_post; Basic is refused.
        assertError(OAuthFlow.exchange(Http.map("grant_type", "refresh_token", "refresh_token", "x"), POST_CLIENT, POST_SECRET),
                401, "invalid_client");
        // a confidential client cannot skip authentication
        assertError(OAuthFlow.exchange(Http.map("grant_type", "refresh_token", "refresh_token", "x"), CONFIDENTIAL, null),
                401, "invalid_client");
    }

    @Test
    void twoAuthenticationMethodsAtOnceIsInvalidRequest() {
        HttpResponse<String> r = Http.postForm("/oauth2/token", Http.map("grant_type", "refresh_token", "refresh_token", "x",
                "client_secret", CONFIDENTIAL_SECRET), "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET));
        assertError(r, 400, "invalid_request");
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        assertError(OAuthFlow.exchange(Http.map("grant_type", "password", "username", "a", "password", "b"),
                CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "unsupported_grant_type");
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        assertError(OAuthFlow.exchange(Http.map("code", "x"), CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "invalid_request");
        assertError(Http.postRaw("/oauth2/token", "grant_type=authorization_code&code=a&code=b", "application/x-www-form-urlencoded",
                "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET)), 400, "invalid_request");
        assertError(Http.postRaw("/oauth2/token", "{\"grant_type\":\"authorization_code\"}", "application/json",
                "Authorization", Http.basic(CONFIDENTIAL, CONFIDENTIAL_SECRET)), 400, "invalid_request");
        HttpResponse<String> get = Http.get("/oauth2/token");
        assertEquals(405, get.statusCode());
        assertFalse(get.body().contains("Exception"));
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, "profile", "x"));
        assertError(OAuthFlow.exchange(Http.map("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "code_verifier", OAuthFlow.randomVerifier()), CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "invalid_grant");
        assertError(OAuthFlow.exchange(Http.map("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT),
                CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "invalid_grant");
    }

    @Test
    void codeOfAnotherClientIsInvalidGrant() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(PUBLIC, "profile", "x"));
        assertError(flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "invalid_grant");
        // the rightful client can still redeem it
        assertEquals(200, flow.exchange(code, PUBLIC, null).statusCode());
    }

    @Test
    void redirectUriMustMatchTheAuthorizationRequest() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, "profile", "x"));
        assertError(OAuthFlow.exchange(Http.map("grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://client.example.org/cb", "code_verifier", flow.verifier), CONFIDENTIAL, CONFIDENTIAL_SECRET),
                400, "invalid_grant");
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, "profile", "x"));
        Db.update("update token_grant set code_expires_at = ? where code_hash = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(5)), OAuthFlow.s256(code));
        assertError(flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "invalid_grant");
    }

    @Test
    void concurrentRedemptionsOfOneCodeLetExactlyOneSucceed() throws Exception {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, "profile", "x"));
        List<HttpResponse<String>> answers = all(10, () -> flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET));
        assertExactlyOneWins(answers);
        // the losers were second uses of the code: the grant is revoked (RFC 6749 §4.1.2)
        assertTrue(Db.value("select revoked_at from token_grant where code_hash = ?", OAuthFlow.s256(code)) != null);
    }

    @Test
    void concurrentRefreshesOfOneTokenLetExactlyOneSucceed() throws Exception {
        String refresh = OAuthFlow.tokens("profile").getString("refresh_token");
        List<HttpResponse<String>> answers = all(10, () -> OAuthFlow.refresh(refresh, null));
        assertExactlyOneWins(answers);
        assertTrue(Db.value("select g.revoked_at from token_grant g join refresh_token r on r.grant_id = g.id"
                + " where r.token_hash = ?", OAuthFlow.s256(refresh)) != null, "a concurrent reuse revokes the family");
    }

    /** Of concurrent uses exactly one gets tokens; every other one is invalid_grant, never a 5xx. */
    private static void assertExactlyOneWins(List<HttpResponse<String>> answers) {
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() != 200) {
                assertError(r, 400, "invalid_grant");
            }
        }
    }

    /** Runs n copies of the call at the same moment. */
    private static List<HttpResponse<String>> all(int n, Callable<HttpResponse<String>> call) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<HttpResponse<String>>> tasks = java.util.stream.IntStream.range(0, n)
                    .<Callable<HttpResponse<String>>>mapToObj(i -> () -> {
                        barrier.await();
                        return call.call();
                    }).toList();
            List<HttpResponse<String>> out = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A code redemption whose row is held by another transaction (a concurrent redemption on
     * another node): on H2 the server's UPDATE times out waiting for the lock, and that lost race
     * is answered invalid_grant with the grant revoked, as a second use would be, not a 500. On
     * PostgreSQL the UPDATE waits and, the other redemption committed, finds the code used.
     */
    @Test
    void aRedemptionThatLosesTheRaceForItsRowIsInvalidGrantAndRevokesTheGrant() throws Exception {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, "profile", "x"));
        HttpResponse<String> r = againstAnotherTransaction(
                "update token_grant set code_consumed_at = current_timestamp where code_hash = ?", OAuthFlow.s256(code),
                () -> flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET));
        assertError(r, 400, "invalid_grant");
        assertTrue(Db.value("select revoked_at from token_grant where code_hash = ?", OAuthFlow.s256(code)) != null);
        assertError(flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "invalid_grant");
    }

    /** The same for a refresh-token rotation: invalid_grant and the family revoked. */
    @Test
    void aRefreshThatLosesTheRaceForItsRowIsInvalidGrantAndRevokesTheFamily() throws Exception {
        JsonObject tokens = OAuthFlow.tokens("profile");
        String refresh = tokens.getString("refresh_token");
        HttpResponse<String> r = againstAnotherTransaction(
                "update refresh_token set rotated_at = current_timestamp where token_hash = ?", OAuthFlow.s256(refresh),
                () -> OAuthFlow.refresh(refresh, null));
        assertError(r, 400, "invalid_grant");
        assertTrue(Db.value("select g.revoked_at from token_grant g join refresh_token r on r.grant_id = g.id"
                + " where r.token_hash = ?", OAuthFlow.s256(refresh)) != null, "the family is revoked");
        assertError(OAuthFlow.refresh(refresh, null), 400, "invalid_grant");
        assertEquals(401, Http.get("/api/me", "Authorization", "Bearer " + tokens.getString("access_token")).statusCode());
    }

    /**
     * Sends the request while another transaction holds its row (updated by {@code lockSql}, not
     * yet committed). On H2 that transaction is rolled back once the server, its own attempt timed
     * out, is waiting for the row to revoke the grant (which it then can); on PostgreSQL, where the
     * server waits as long as it takes, it commits once the server waits, like a winner would.
     */
    private static final java.util.regex.Pattern REVOCATION = java.util.regex.Pattern.compile(
            "(?i)\\bset\\s+(?:\\w+\\.)?revoked_at\\b");

    private static HttpResponse<String> againstAnotherTransaction(String lockSql, String hash,
                                                                  Callable<HttpResponse<String>> request) throws Exception {
        boolean h2 = System.getProperty("it.db.jdbc").startsWith("jdbc:h2:");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (java.sql.Connection c = Db.connect()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement(lockSql)) {
                ps.setString(1, hash);
                assertEquals(1, ps.executeUpdate());
            }
            String self = h2 ? String.valueOf(Db.valueOn(c, "select session_id()")) : null;
            Future<HttpResponse<String>> answer = pool.submit(request);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!answer.isDone() && System.nanoTime() < deadline) {
                if (h2) {
                    Object waiting = Db.valueOn(c, "select executing_statement from information_schema.sessions where blocker_id = ?",
                            Integer.valueOf(self));
                    // the server's own UPDATE waits first and times out; then its revocation waits
                    if (waiting != null && REVOCATION.matcher(waiting.toString()).find()) {
                        c.rollback();
                        break;
                    }
                } else if (((Number) Db.valueOn(c, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and datname = current_database()")).longValue() > 0) {
                    c.commit();
                    break;
                }
                Thread.sleep(20);
            }
            HttpResponse<String> r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            c.rollback();
            return r;
        } finally {
            pool.shutdownNow();
        }
    }


    @Test
    void replayedCodeFailsAndRevokesEverythingIssuedFromIt() {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, "profile", "x"));
        JsonObject first = Http.json(flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET));
        String access = first.getString("access_token");
        assertEquals(200, Http.get("/api/me", "Authorization", "Bearer " + access).statusCode());

        assertError(flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET), 400, "invalid_grant");

        assertEquals(401, Http.get("/api/me", "Authorization", "Bearer " + access).statusCode());
        assertError(OAuthFlow.refresh(first.getString("refresh_token"), null), 400, "invalid_grant");
        assertTrue(Db.count("select count(*) from audit_event where event_type = 'CODE_REPLAY'") > 0);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        JsonObject first = OAuthFlow.tokens("profile notes:read");
        String r1 = first.getString("refresh_token");
        HttpResponse<String> second = OAuthFlow.refresh(r1, null);
        assertEquals(200, second.statusCode(), second.body());
        String r2 = Http.json(second).getString("refresh_token");
        assertNotEquals(r1, r2);
        String a2 = Http.json(second).getString("access_token");
        assertEquals(200, Http.get("/api/me", "Authorization", "Bearer " + a2).statusCode());

        // r1 was rotated: presenting it again means it leaked, so the whole family dies.
        assertError(OAuthFlow.refresh(r1, null), 400, "invalid_grant");
        assertError(OAuthFlow.refresh(r2, null), 400, "invalid_grant");
        assertEquals(401, Http.get("/api/me", "Authorization", "Bearer " + a2).statusCode());
        assertTrue(Db.count("select count(*) from audit_event where event_type = 'REFRESH_REUSE'") > 0);
    }

    @Test
    void refreshMayNarrowButNeverWidenTheScope() {
        JsonObject first = OAuthFlow.tokens("profile notes:read");
        HttpResponse<String> wider = OAuthFlow.refresh(first.getString("refresh_token"), "profile notes:write");
        assertError(wider, 400, "invalid_scope");
        HttpResponse<String> narrower = OAuthFlow.refresh(first.getString("refresh_token"), "profile");
        assertEquals(200, narrower.statusCode(), narrower.body());
        assertEquals("profile", Http.json(narrower).getString("scope"));
        // the rotated refresh token keeps the original grant: it can go back to the full scope
        HttpResponse<String> full = OAuthFlow.refresh(Http.json(narrower).getString("refresh_token"), "profile notes:read");
        assertEquals(200, full.statusCode(), full.body());
    }

    @Test
    void refreshTokenOfAnotherClientIsInvalidGrant() {
        JsonObject first = OAuthFlow.tokens("profile");
        HttpResponse<String> r = OAuthFlow.exchange(Http.map("grant_type", "refresh_token",
                "refresh_token", first.getString("refresh_token"), "client_id", POST_CLIENT, "client_secret", POST_SECRET), null, null);
        assertError(r, 400, "invalid_grant");
    }
}
