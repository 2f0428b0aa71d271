package org.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.gatehouse.platform.Crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Signs and verifies compact JWS. Verifies the signature of a compact JWS (RFC 7515 §7.1) against keys prepared once per key set,
 * and returns its claims. This is the access-token hot path of every API call and introspection,
 * so it does only what verification needs: the JDK's base64url decoder (the token is public, no
 * constant-time decoding needed), the Java public key converted from its JWK once (not per call),
 * one {@link Signature} per thread and algorithm. An ES256 signature must be exactly 64 bytes. The rules are those of RFC 8725 §3.1 and
 * RFC 9068 §4: the header's {@code alg} must be one Gatehouse signs with and equal to the key's
 * own; {@code typ} must be {@code at+jwt}; no {@code crit} extension is understood, so a header
 * naming one is refused; the key is chosen by {@code kid} only.
 */
final class CompactJws {

    /** A verification key, with the one algorithm it may verify. */
    record Key(JWSAlgorithm alg, PublicKey key) {
    }

    /** The signing key of this kid is not (yet) in the prepared set. */
    static final class UnknownKey extends Exception {
        UnknownKey() {
            super(null, null, false, false);
        }
    }

    /** Longest token accepted: ours are well under 2 KB. */
    static final int MAX_LENGTH = 8192;

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder B64URL_ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** JCA names; ES256 signatures are the raw R || S of RFC 7518 §3.4 ("PLAIN-ECDSA" in BouncyCastle). */
    private static final Map<JWSAlgorithm, String> JCA = Map.of(
            JWSAlgorithm.RS256, "SHA256withRSA",
            JWSAlgorithm.ES256, "SHA256withPLAIN-ECDSA");
    private static final ThreadLocal<Map<JWSAlgorithm, Signature>> SIGNATURES = ThreadLocal.withInitial(HashMap::new);

    private CompactJws() {
    }

    /** The Java keys of a published set, by kid; keys of other algorithms are left out. */
    static Map<String, Key> prepare(JWKSet set, Set<JWSAlgorithm> algorithms) {
        Map<String, Key> keys = new HashMap<>();
        for (JWK jwk : set.getKeys()) {
            try {
                // A JWK without "alg" verifies the one algorithm Gatehouse uses with its key type.
                JWSAlgorithm alg = jwk.getAlgorithm() != null ? JWSAlgorithm.parse(jwk.getAlgorithm().getName())
                        : jwk instanceof RSAKey ? JWSAlgorithm.RS256 : jwk instanceof ECKey ? JWSAlgorithm.ES256 : null;
                if (jwk.getKeyID() == null || alg == null || !algorithms.contains(alg)) {
                    continue;
                }
                if (jwk instanceof RSAKey rsa && alg == JWSAlgorithm.RS256) {
                    keys.put(jwk.getKeyID(), new Key(alg, rsa.toRSAPublicKey()));
                } else if (jwk instanceof ECKey ec && alg == JWSAlgorithm.ES256
                        && com.nimbusds.jose.jwk.Curve.P_256.equals(ec.getCurve())) {
                    keys.put(jwk.getKeyID(), new Key(alg, ec.toECPublicKey()));
                }
            } catch (JOSEException e) {
                // a key that cannot be converted verifies nothing
            }
        }
        return Map.copyOf(keys);
    }

    /**
     * The claims of a token whose signature one of {@code keys} verifies.
     *
     * @throws ParseException for anything that is not a well-formed compact JWS with JSON claims
     * @throws UnknownKey     when the header's kid is not among the keys
     * @throws GeneralSecurityException when the header or the signature is refused
     */
    static JWTClaimsSet verify(String token, Map<String, Key> keys, String type)
            throws ParseException, UnknownKey, GeneralSecurityException {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (token.length() > MAX_LENGTH || first <= 0 || second <= first + 1 || second == token.length() - 1
                || token.indexOf('.', second + 1) >= 0) {
            throw new ParseException("not a compact JWS", 0);
        }
        Map<String, Object> header = JSONObjectUtils.parse(utf8(token, 0, first));
        Object alg = header.get("alg");
        Object kid = header.get("kid");
        Object typ = header.get("typ");
        if (!(alg instanceof String) || !(kid instanceof String) || header.containsKey("crit") || !isType(typ, type)) {
            throw new GeneralSecurityException("header refused");
        }
        Key key = keys.get(kid);
        if (key == null) {
            throw new UnknownKey();
        }
        if (!key.alg().getName().equals(alg)) {
            throw new GeneralSecurityException("alg is not the key's");
        }
        Signature signature = signature(key.alg());
        signature.initVerify(key.key());
        signature.update(token.substring(0, second).getBytes(StandardCharsets.US_ASCII));
        byte[] sig = decode(token, second + 1, token.length());
        if (key.alg() == JWSAlgorithm.ES256 && sig.length != 64) {
            throw new GeneralSecurityException("ES256 signature of the wrong length");
        }
        if (!signature.verify(sig)) {
            throw new GeneralSecurityException("bad signature");
        }
        return JWTClaimsSet.parse(utf8(token, first + 1, second));
    }

    /**
     * Signs {@code claimsJson} as a compact JWS (RFC 7515 §7.1) under an already encoded header:
     * the same JCA signatures as {@link #verify}, without nimbus's constant-time base64 encoder
     * (nothing here is secret) and without building a JOSE object per token.
     */
    static String sign(String encodedHeader, String claimsJson, JWSAlgorithm alg, PrivateKey key)
            throws GeneralSecurityException {
        String input = encodedHeader + '.' + B64URL_ENCODER.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        Signature signature = signature(alg);
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + '.' + B64URL_ENCODER.encodeToString(signature.sign());
    }

    /** The base64url of a JOSE header with these members, in this order. */
    static String encodeHeader(Map<String, Object> members) {
        return B64URL_ENCODER.encodeToString(JSONObjectUtils.toJSONString(members).getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 8725 §3.11 explicit typing; RFC 7515 §4.1.9 allows the "application/" prefix to be left out. */
    private static boolean isType(Object typ, String expected) {
        if (!(typ instanceof String t)) {
            return false;
        }
        return t.equalsIgnoreCase(expected) || t.equalsIgnoreCase("application/" + expected);
    }

    private static Signature signature(JWSAlgorithm alg) throws GeneralSecurityException {
        Map<JWSAlgorithm, Signature> mine = SIGNATURES.get();
        Signature s = mine.get(alg);
        if (s == null) {
            // RSA from the JDK; ECDSA from BouncyCastle, several times faster on P-256 (platform.Crypto).
            s = alg == JWSAlgorithm.ES256 ? Signature.getInstance(JCA.get(alg), Crypto.BOUNCY_CASTLE)
                    : Signature.getInstance(JCA.get(alg));
            mine.put(alg, s);
        }
        return s;
    }

    private static String utf8(String token, int from, int to) throws ParseException {
        return new String(decode(token, from, to), StandardCharsets.UTF_8);
    }

    private static byte[] decode(String token, int from, int to) throws ParseException {
        try {
            return B64URL.decode(token.substring(from, to));
        } catch (IllegalArgumentException e) {
            throw new ParseException("not base64url", from);
        }
    }
}
