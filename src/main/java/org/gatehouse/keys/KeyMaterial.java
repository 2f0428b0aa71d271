package org.gatehouse.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.gatehouse.config.KeySettings;
import org.gatehouse.platform.Crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Key pairs per JWS algorithm: RS256 with a 2048-bit RSA key (RFC 7518 §3.3), ES256 with a P-256
 * key (RFC 7518 §3.4). The public JWK carries {@code kid}, {@code use: sig} and {@code alg}
 * (RFC 7517 §4.2-§4.5) whatever the key type; the private part is handled as PKCS #8 bytes only
 * so it can be encrypted at rest.
 */
final class KeyMaterial {

    /** A new key pair: its public JWK, and its private part as PKCS #8. */
    record Generated(JWK publicJwk, byte[] privatePkcs8) {
    }

    private KeyMaterial() {
    }

    static Generated generate(KeySettings.Algorithm algorithm, String kid) throws JOSEException {
        return switch (algorithm) {
            case RS256 -> {
                RSAKey rsa = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
                yield new Generated(rsa.toPublicJWK(), rsa.toRSAPrivateKey().getEncoded());
            }
            case ES256 -> {
                ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
                yield new Generated(ec.toPublicJWK(), ec.toECPrivateKey().getEncoded());
            }
        };
    }

    /**
     * The signer of a stored key, chosen by the type of its public JWK; the stored {@code alg} must
     * be one Gatehouse issues and fit that type (an RSA key never signs ES256, and so on).
     */
    static JWSSigner signer(JWSAlgorithm alg, JWK publicJwk, byte[] pkcs8) throws GeneralSecurityException, JOSEException {
        if (alg.equals(JWSAlgorithm.RS256) && publicJwk instanceof RSAKey) {
            return new RSASSASigner((RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        }
        if (alg.equals(JWSAlgorithm.ES256) && publicJwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            ECDSASigner signer = new ECDSASigner((ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            signer.getJCAContext().setProvider(Crypto.BOUNCY_CASTLE); // several times faster than the JDK's ECDSA
            return signer;
        }
        throw new GeneralSecurityException("key " + publicJwk.getKeyID() + " of type " + publicJwk.getKeyType()
                + " cannot sign " + alg);
    }
}
