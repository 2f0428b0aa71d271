package org.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.gatehouse.keys.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gatehouse's own JWS path against the reference implementation (nimbus), both ways. */
class CompactJwsTest {

    private static RSAKey rsa;
    private static ECKey ec;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").algorithm(JWSAlgorithm.RS256).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").algorithm(JWSAlgorithm.ES256).generate();
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().subject("alice").claim("scope", "profile").build();
    }

    private static SigningKeys.Snapshot snapshot(String kid, JWSAlgorithm alg, com.nimbusds.jose.JWSSigner signer) {
        return new SigningKeys.Snapshot(kid, alg, signer, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())), 0, Long.MAX_VALUE);
    }

    @Test
    void tokensGatehouseSignsVerifyWithTheReferenceLibrary() throws Exception {
        SignedJWT r = SignedJWT.parse(TokenIssuer.sign(snapshot("rsa-1", JWSAlgorithm.RS256, new RSASSASigner(rsa)), claims()));
        assertTrue(r.verify(new RSASSAVerifier(rsa.toRSAPublicKey())));
        assertEquals(new JOSEObjectType("at+jwt"), r.getHeader().getType());
        assertEquals("rsa-1", r.getHeader().getKeyID());
        assertEquals("alice", r.getJWTClaimsSet().getSubject());

        SignedJWT e = SignedJWT.parse(TokenIssuer.sign(snapshot("ec-1", JWSAlgorithm.ES256, new ECDSASigner(ec)), claims()));
        assertEquals(JWSAlgorithm.ES256, e.getHeader().getAlgorithm());
        assertTrue(e.verify(new ECDSAVerifier(ec.toECPublicKey())));
    }

    @Test
    void tokensTheReferenceLibrarySignsVerifyHere() throws Exception {
        Map<String, CompactJws.Key> keys = CompactJws.prepare(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())),
                SigningKeys.ALGORITHMS);
        for (var signed : List.of(
                sign(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa)), sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec)))) {
            assertEquals("alice", CompactJws.verify(signed, keys, "at+jwt").getSubject());
        }
    }

    @Test
    void malformedTokensAreParseErrorsNotCrashes() {
        Map<String, CompactJws.Key> keys = CompactJws.prepare(new JWKSet(rsa.toPublicJWK()), SigningKeys.ALGORITHMS);
        for (String bad : List.of("", "a", "a.b", "a..c", ".b.c", "a.b.", "a.b.c.d", "%%%.b.c", "x".repeat(9000) + ".b.c")) {
            assertThrows(java.text.ParseException.class, () -> CompactJws.verify(bad, keys, "at+jwt"), bad);
        }
    }

    private static String sign(JWSAlgorithm alg, String kid, com.nimbusds.jose.JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(new JOSEObjectType("at+jwt")).keyID(kid).build(), claims());
        jwt.sign(signer);
        return jwt.serialize();
    }
}
