package org.gatehouse.playground;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.gatehouse.playground.FlowState.Check;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playground's signature check (step D) for both algorithms Gatehouse signs with. */
class TokenInspectorTest {

    private static RSAKey rsa;
    private static ECKey ec;
    private static Exchange jwks;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
        String body = new JWKSet(List.of(rsa, ec)).toPublicJWKSet().toString();
        jwks = new Exchange(1, Instant.now(), "D", "JWKS", false, "GET", "/oauth2/jwks", List.of(), null, 200, List.of(), body, "");
    }

    private static SignedJWT token(JWSAlgorithm alg, String kid, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), new JWTClaimsSet.Builder().subject("a").build());
        jwt.sign(signer);
        return SignedJWT.parse(jwt.serialize());
    }

    @Test
    void verifiesRs256AndEs256Tokens() throws Exception {
        Check rs = TokenInspector.signature(token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa)), jwks, "rsa-1");
        assertTrue(rs.ok(), rs.detail());
        assertEquals("verifies with RS256 key kid=rsa-1 from /oauth2/jwks", rs.detail());
        Check es = TokenInspector.signature(token(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec)), jwks, "ec-1");
        assertTrue(es.ok(), es.detail());
        assertEquals("verifies with ES256 key kid=ec-1 from /oauth2/jwks", es.detail());
    }

    @Test
    void refusesAHeaderAlgorithmThatIsNotTheKeys() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        Check c = TokenInspector.signature(token(JWSAlgorithm.ES256, "rsa-1", new ECDSASigner(other)), jwks, "rsa-1");
        assertFalse(c.ok());
        assertTrue(c.detail().contains("algorithm confusion"), c.detail());
    }

    @Test
    void reportsAForeignSignatureAndAnUnknownKid() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        Check forged = TokenInspector.signature(token(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(other)), jwks, "ec-1");
        assertFalse(forged.ok());
        assertTrue(forged.detail().startsWith("does NOT verify"), forged.detail());
        Check unknown = TokenInspector.signature(token(JWSAlgorithm.ES256, "nope", new ECDSASigner(other)), jwks, "nope");
        assertFalse(unknown.ok());
        assertEquals("no key with kid nope in the JWKS", unknown.detail());
    }
}
