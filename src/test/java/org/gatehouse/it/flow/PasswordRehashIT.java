package org.gatehouse.it.flow;

import org.gatehouse.config.PasswordSettings;
import org.gatehouse.it.Db;
import org.gatehouse.it.Http;
import org.gatehouse.it.OAuthFlow;
import org.gatehouse.user.PasswordHasher;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.gatehouse.it.OAuthFlow.CONFIDENTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored Argon2id hashes (RFC 9106) follow the configured parameters: a successful sign-in
 * replaces a hash made with other ones, in one conditional UPDATE that two racing sign-ins share.
 * The suite's server runs the defaults (m=19456, t=2, p=1); the accounts here start with an older
 * OWASP choice (m=7168, t=5).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordRehashIT {

    private static final String PASSWORD = "rehash-password-1";
    private static final String CURRENT = "$argon2id$v=19$m=19456,t=2,p=1$";
    private static final PasswordHasher OLD = new PasswordHasher(new PasswordSettings(7 * 1024, 5, 1));
    private static final PasswordHasher DEFAULTS = new PasswordHasher(PasswordSettings.defaults());

    private static String account(boolean enabled) {
        String username = "rehash-" + UUID.randomUUID().toString().substring(0, 8);
        Db.update("insert into account (subject, username, password_hash, roles, enabled, created_at, updated_at, version)"
                + " values (?, ?, ?, 'user', ?, current_timestamp, current_timestamp, 0)",
                UUID.randomUUID().toString(), username, OLD.hash(PASSWORD), enabled);
        return username;
    }

    private static String storedHash(String username) {
        return (String) Db.value("select password_hash from account where username = ?", username);
    }

    private static String signIn(String username) {
        OAuthFlow flow = new OAuthFlow();
        String redirect = flow.authorizeAndApprove(flow.request(CONFIDENTIAL, "profile", "r"), username, PASSWORD);
        assertTrue(Http.query(redirect).containsKey("code"), redirect);
        return redirect;
    }

    @Test
    void aSignInReplacesAHashMadeWithOtherParameters() {
        String username = account(true);
        assertTrue(storedHash(username).startsWith("$argon2id$v=19$m=7168,t=5,p=1$"));
        signIn(username);
        String upgraded = storedHash(username);
        assertTrue(upgraded.startsWith(CURRENT), upgraded);
        assertTrue(DEFAULTS.verify(PASSWORD, upgraded));
        assertEquals(0L, ((Number) Db.value("select version from account where username = ?", username)).longValue(),
                "the password did not change, so an admin's open edit of the account stays valid");
        signIn(username);
        assertEquals(upgraded, storedHash(username), "a current hash is left as it is");
    }

    @Test
    void aFailedOrRefusedSignInChangesNothing() {
        String username = account(true);
        String before = storedHash(username);
        OAuthFlow flow = new OAuthFlow();
        HttpResponse<String> login = flow.follow(flow.authorize(flow.request(CONFIDENTIAL, "profile", "w")));
        HttpResponse<String> again = flow.follow(flow.signIn(login, username, PASSWORD + "x"));
        assertTrue(again.body().contains("id=\"login\""), "the wrong password gets the login page again");
        assertEquals(before, storedHash(username));

        String disabled = account(false);
        String disabledBefore = storedHash(disabled);
        OAuthFlow other = new OAuthFlow();
        HttpResponse<String> page = other.follow(other.authorize(other.request(CONFIDENTIAL, "profile", "d")));
        other.follow(other.signIn(page, disabled, PASSWORD));
        assertEquals(disabledBefore, storedHash(disabled), "a disabled account is not signed in, so not re-hashed");
    }

    @Test
    void racingSignInsBothSucceedAndLeaveOneCurrentHash() throws Exception {
        String username = account(true);
        OAuthFlow first = new OAuthFlow();
        OAuthFlow second = new OAuthFlow();
        HttpResponse<String> firstLogin = first.follow(first.authorize(first.request(CONFIDENTIAL, "profile", "1")));
        HttpResponse<String> secondLogin = second.follow(second.authorize(second.request(CONFIDENTIAL, "profile", "2")));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> results = pool.invokeAll(List.of(
                    () -> { start.await(); return first.follow(first.signIn(firstLogin, username, PASSWORD)); },
                    () -> { start.await(); return second.follow(second.signIn(secondLogin, username, PASSWORD)); }));
            for (Future<HttpResponse<String>> r : results) {
                assertTrue(r.get().body().contains("id=\"consent\""), "both sign-ins succeed: " + r.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        String upgraded = storedHash(username);
        assertTrue(upgraded.startsWith(CURRENT), upgraded);
        assertTrue(DEFAULTS.verify(PASSWORD, upgraded));
        signIn(username);
    }
}
