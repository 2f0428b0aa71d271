package org.gatehouse.introspection;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7662 §2.1, §4: the token's own client, or a client it is meant for; nobody else. */
class IntrospectionRuleTest {

    @Test
    void theTokensOwnClientAndItsAudienceMayLearnAboutIt() {
        assertTrue(IntrospectionEndpoint.mayLearnAbout("web", "web", Set.of("https://id.example/api")));
        assertTrue(IntrospectionEndpoint.mayLearnAbout("notes-api", "web", Set.of("https://id.example/api", "notes-api")));
    }

    @Test
    void anyOtherClientMayNot() {
        assertFalse(IntrospectionEndpoint.mayLearnAbout("other", "web", Set.of("https://id.example/api")));
        assertFalse(IntrospectionEndpoint.mayLearnAbout("other", "web", null));
        assertFalse(IntrospectionEndpoint.mayLearnAbout("web-", "web", Set.of("notes-api")));
    }
}
