package org.gatehouse.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The claims of an ID token (OIDC Core §2, §3.1.3.6), computed independently where they are derived. */
class IdTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant SIGNED_IN = NOW.minusSeconds(42);

    @Test
    void carriesWhatARelyingPartyChecks() throws Exception {
        JWTClaimsSet c = IdTokens.claims("https://as.example", "rp-1", "sub-1", NOW, Duration.ofMinutes(5), SIGNED_IN,
                "nonce-ä", "access.token.value", JWSAlgorithm.RS256);
        assertEquals("https://as.example", c.getIssuer());
        assertEquals("sub-1", c.getSubject());
        assertEquals(List.of("rp-1"), c.getAudience());
        assertEquals(Date.from(NOW), c.getIssueTime());
        assertEquals(Date.from(NOW.plusSeconds(300)), c.getExpirationTime());
        assertEquals(SIGNED_IN.getEpochSecond(), c.getLongClaim("auth_time"));
        assertEquals("nonce-ä", c.getStringClaim("nonce"));
        assertEquals(List.of("pwd"), c.getStringListClaim("amr"));
        byte[] sha = MessageDigest.getInstance("SHA-256").digest("access.token.value".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha, 16)), c.getStringClaim("at_hash"));
        assertNull(c.getClaim("acr"), "no assurance level is claimed");
        assertNull(c.getClaim("azp"), "a single audience needs no azp");
    }

    @Test
    void noNonceWhenNoneWasSent() {
        JWTClaimsSet c = IdTokens.claims("https://as.example", "rp-1", "sub-1", NOW, Duration.ofMinutes(5), SIGNED_IN,
                null, "at", JWSAlgorithm.ES256);
        assertFalse(c.getClaims().containsKey("nonce"));
    }
}
