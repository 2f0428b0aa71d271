package org.gatehouse.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.gatehouse.config.KeySettings;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New keys per algorithm (RFC 7518 §3.3, §3.4) and their published JWKs (RFC 7517 §4). */
class KeyMaterialTest {

    @Test
    void rs256KeysAreRsa2048WithAlgAndUseInTheirPublicJwk() throws Exception {
        KeyMaterial.Generated key = KeyMaterial.generate(KeySettings.Algorithm.RS256, "k1");
        RSAKey jwk = assertInstanceOf(RSAKey.class, JWK.parse(key.publicJwk().toJSONString()));
        assertEquals(2048, jwk.size());
        assertPublished(jwk, "k1", JWSAlgorithm.RS256);
        JWSSigner signer = KeyMaterial.signer(JWSAlgorithm.RS256, jwk, key.privatePkcs8());
        assertInstanceOf(RSASSASigner.class, signer);
        assertTrue(signed(JWSAlgorithm.RS256, signer).verify(new RSASSAVerifier(jwk)));
    }

    @Test
    void es256KeysAreP256WithAlgAndUseInTheirPublicJwk() throws Exception {
        KeyMaterial.Generated key = KeyMaterial.generate(KeySettings.Algorithm.ES256, "k2");
        ECKey jwk = assertInstanceOf(ECKey.class, JWK.parse(key.publicJwk().toJSONString()));
        assertEquals(Curve.P_256, jwk.getCurve());
        assertPublished(jwk, "k2", JWSAlgorithm.ES256);
        JWSSigner signer = KeyMaterial.signer(JWSAlgorithm.ES256, jwk, key.privatePkcs8());
        assertInstanceOf(ECDSASigner.class, signer);
        assertTrue(signed(JWSAlgorithm.ES256, signer).verify(new ECDSAVerifier(jwk)));
    }

    @Test
    void aStoredKeySignsOnlyWithTheAlgorithmOfItsType() throws Exception {
        KeyMaterial.Generated rsa = KeyMaterial.generate(KeySettings.Algorithm.RS256, "r");
        KeyMaterial.Generated ec = KeyMaterial.generate(KeySettings.Algorithm.ES256, "e");
        assertThrows(GeneralSecurityException.class, () -> KeyMaterial.signer(JWSAlgorithm.ES256, rsa.publicJwk(), rsa.privatePkcs8()));
        assertThrows(GeneralSecurityException.class, () -> KeyMaterial.signer(JWSAlgorithm.RS256, ec.publicJwk(), ec.privatePkcs8()));
        assertThrows(GeneralSecurityException.class, () -> KeyMaterial.signer(JWSAlgorithm.PS256, rsa.publicJwk(), rsa.privatePkcs8()));
        assertThrows(GeneralSecurityException.class, () -> KeyMaterial.signer(JWSAlgorithm.HS256, rsa.publicJwk(), rsa.privatePkcs8()));
    }

    @Test
    void everyConfigurableAlgorithmIsAcceptedByTheVerifier() {
        for (KeySettings.Algorithm a : KeySettings.Algorithm.values()) {
            assertTrue(SigningKeys.ALGORITHMS.contains(JWSAlgorithm.parse(a.name())), a.name());
        }
        assertEquals(KeySettings.Algorithm.values().length, SigningKeys.ALGORITHMS.size());
    }

    private static void assertPublished(JWK jwk, String kid, JWSAlgorithm alg) {
        assertEquals(kid, jwk.getKeyID());
        assertEquals(KeyUse.SIGNATURE, jwk.getKeyUse());
        assertEquals(alg.getName(), jwk.getAlgorithm().getName());
        assertFalse(jwk.isPrivate(), "only the public part is published");
        String json = jwk.toJSONString();
        assertTrue(json.contains("\"alg\":\"" + alg.getName() + "\"") && json.contains("\"use\":\"sig\""), json);
    }

    private static JWSObject signed(JWSAlgorithm alg, JWSSigner signer) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(alg), new Payload("hello"));
        jws.sign(signer);
        return JWSObject.parse(jws.serialize());
    }
}
