package org.gatehouse.logout;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.ClientView;
import org.gatehouse.token.IdTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RP-Initiated Logout 1.0 §2–§3: which requests sign out, which ask first, which are refused (and never redirected). */
class EndSessionDecisionTest {

    static final String HINT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln";
    static final String BACK = "https://app.example/signed-out";

    static final ClientView APP = new ClientView("app", "The App", ClientType.CONFIDENTIAL, AuthMethod.CLIENT_SECRET_BASIC,
            "h", List.of("https://app.example/cb"), Set.of("openid"), Set.of("openid"), Set.of("authorization_code"), true,
            Optional.empty(), Optional.empty(), true, false, List.of(BACK));

    static final Optional<IdTokens.Hint> ALICE_FOR_APP = Optional.of(new IdTokens.Hint("sub-alice", List.of("app")));

    static EndSessionRequest request(String hint, String clientId, String uri, String state) {
        return new EndSessionRequest(hint, clientId, uri, state);
    }

    @Test
    void aHintForTheSignedInUserSignsOutAtOnceAndReturnsWithState() {
        var d = EndSessionDecision.decide(request(HINT, null, BACK, "xyz"), ALICE_FOR_APP, Optional.of(APP), Optional.of("sub-alice"));
        var out = assertInstanceOf(EndSessionDecision.SignOut.class, d);
        assertEquals(BACK + "?state=xyz", out.target());
        assertEquals("app", out.clientId());
    }

    @Test
    void withoutAPostLogoutUriTheBrowserGoesToTheSignedOutPage() {
        var out = assertInstanceOf(EndSessionDecision.SignOut.class,
                EndSessionDecision.decide(request(HINT, "app", null, "xyz"), ALICE_FOR_APP, Optional.of(APP), Optional.of("sub-alice")));
        assertNull(out.target());
    }

    @Test
    void noHintMeansTheUserIsAskedFirst() {
        var c = assertInstanceOf(EndSessionDecision.Confirm.class,
                EndSessionDecision.decide(request(null, "app", BACK, null), Optional.empty(), Optional.of(APP), Optional.of("sub-alice")));
        assertEquals("The App", c.clientName());
        assertEquals(BACK, c.target());
    }

    @Test
    void aHintForSomeoneElseMeansTheUserIsAskedFirst() {
        assertInstanceOf(EndSessionDecision.Confirm.class,
                EndSessionDecision.decide(request(HINT, null, null, null), ALICE_FOR_APP, Optional.of(APP), Optional.of("sub-bob")));
    }

    @Test
    void withNobodySignedInTheBrowserGoesStraightBack() {
        var out = assertInstanceOf(EndSessionDecision.SignOut.class,
                EndSessionDecision.decide(request(null, "app", BACK, "s"), Optional.empty(), Optional.of(APP), Optional.empty()));
        assertEquals(BACK + "?state=s", out.target());
    }

    @Test
    void anUnregisteredPostLogoutUriIsRefusedOnAPage() {
        assertInstanceOf(EndSessionDecision.Refused.class, EndSessionDecision.decide(
                request(HINT, null, "https://evil.example/", null), ALICE_FOR_APP, Optional.of(APP), Optional.of("sub-alice")));
        // exact match: not a prefix, not another path, not with a query added
        for (String near : List.of(BACK + "/x", BACK + "?a=b", "https://app.example/signed-ou", "HTTPS://app.example/signed-out")) {
            assertInstanceOf(EndSessionDecision.Refused.class, EndSessionDecision.decide(
                    request(null, "app", near, null), Optional.empty(), Optional.of(APP), Optional.empty()), near);
        }
    }

    @Test
    void aPostLogoutUriNeedsToKnowWhichClientAsked() {
        assertInstanceOf(EndSessionDecision.Refused.class, EndSessionDecision.decide(
                request(null, null, BACK, null), Optional.empty(), Optional.empty(), Optional.of("sub-alice")));
    }

    @Test
    void aHintThatDidNotVerifyIsRefused() {
        assertInstanceOf(EndSessionDecision.Refused.class, EndSessionDecision.decide(
                request(HINT, null, BACK, null), Optional.empty(), Optional.of(APP), Optional.of("sub-alice")));
    }

    @Test
    void aClientIdOutsideTheHintsAudienceIsRefused() {
        assertInstanceOf(EndSessionDecision.Refused.class, EndSessionDecision.decide(
                request(HINT, "other", null, null), ALICE_FOR_APP, Optional.empty(), Optional.of("sub-alice")));
    }

    @Test
    void anUnknownOrDisabledClientIsRefused() {
        assertInstanceOf(EndSessionDecision.Refused.class, EndSessionDecision.decide(
                request(null, "ghost", null, null), Optional.empty(), Optional.empty(), Optional.of("sub-alice")));
    }

    @Test
    void parsingRefusesRepeatsAndOverlongValuesAndBadUris() {
        var repeated = new MultivaluedHashMap<String, String>();
        repeated.addAll("state", "a", "b");
        assertThrows(EndSessionRequest.Invalid.class, () -> EndSessionRequest.parse(repeated));
        var overlong = new MultivaluedHashMap<String, String>();
        overlong.add("post_logout_redirect_uri", "https://a.example/" + "x".repeat(2000));
        assertThrows(EndSessionRequest.Invalid.class, () -> EndSessionRequest.parse(overlong));
        var notAJwt = new MultivaluedHashMap<String, String>();
        notAJwt.add("id_token_hint", "not-a-jwt");
        assertThrows(EndSessionRequest.Invalid.class, () -> EndSessionRequest.parse(notAJwt));
    }

    @Test
    void parsingKeepsTheValuesAsSentAndIgnoresUnknownOnes() throws Exception {
        var params = new MultivaluedHashMap<String, String>();
        params.add("client_id", "app");
        params.add("post_logout_redirect_uri", BACK);
        params.add("state", "st");
        params.add("foo", "bar");
        params.add("id_token_hint", "");
        assertEquals(new EndSessionRequest(null, "app", BACK, "st"), EndSessionRequest.parse(params));
        assertEquals(new EndSessionRequest(null, null, null, null), EndSessionRequest.parse(null));
    }
}
