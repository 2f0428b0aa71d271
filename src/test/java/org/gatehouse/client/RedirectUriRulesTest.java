package org.gatehouse.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectUriRulesTest {

    @Test
    void acceptsHttpsLoopbackAndPrivateUseSchemes() {
        assertTrue(RedirectUriRules.problem("https://app.example/cb").isEmpty());
        assertTrue(RedirectUriRules.problem("http://127.0.0.1:8000/cb").isEmpty());
        assertTrue(RedirectUriRules.problem("http://localhost/cb").isEmpty());
        assertTrue(RedirectUriRules.problem("com.example.app:/oauth2redirect").isEmpty());
    }

    @Test
    void rejectsRelativeFragmentPlainHttpAndBareSchemes() {
        assertFalse(RedirectUriRules.problem("/cb").isEmpty());
        assertFalse(RedirectUriRules.problem("https://app.example/cb#x").isEmpty());
        assertFalse(RedirectUriRules.problem("http://app.example/cb").isEmpty());
        assertFalse(RedirectUriRules.problem("javascript:alert(1)").isEmpty());
        assertFalse(RedirectUriRules.problem("not a uri").isEmpty());
        assertFalse(RedirectUriRules.problem("").isEmpty());
    }

    @Test
    void onlyIpLiteralLoopbackCountsForTheAnyPortRule() {
        assertTrue(RedirectUriRules.isIpLoopback(java.net.URI.create("http://127.0.0.1:4711/cb")));
        assertTrue(RedirectUriRules.isIpLoopback(java.net.URI.create("http://[::1]/cb")));
        assertFalse(RedirectUriRules.isIpLoopback(java.net.URI.create("http://localhost:4711/cb")));
        assertFalse(RedirectUriRules.isIpLoopback(java.net.URI.create("https://127.0.0.1/cb")));
        assertFalse(RedirectUriRules.isIpLoopback(java.net.URI.create("com.example.app:/cb")));
    }

    @Test
    void loopbackAndPrivateUseRedirectsCanBeClaimedByAnyApp() {
        assertTrue(RedirectUriRules.claimableByAnyApp("http://127.0.0.1:4711/cb"));
        assertTrue(RedirectUriRules.claimableByAnyApp("http://[::1]/cb"));
        assertTrue(RedirectUriRules.claimableByAnyApp("http://localhost/cb"));
        assertTrue(RedirectUriRules.claimableByAnyApp("com.example.app:/oauth2redirect"));
        assertTrue(RedirectUriRules.claimableByAnyApp("not a uri"));
        assertFalse(RedirectUriRules.claimableByAnyApp("https://app.example/cb"));
    }
}
