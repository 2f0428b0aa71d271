package org.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.grant.RevokedGrants;
import org.gatehouse.keys.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Access tokens of both algorithms (RFC 7518 §3.3 RS256, §3.4 ES256) verify against the published
 * keys of the matching type only; algorithm confusion (RFC 8725 §2.1, §3.1) fails.
 */
class AccessTokenVerifierTest {

    private static final String ISSUER = "https://as.example.test";
    private static final String AUDIENCE = ISSUER + "/api";

    private static RSAKey rsa;
    private static ECKey ec;

    @BeforeAll
    static void mintKeys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
    }

    /** The node's key set, swapped by a test; {@code refreshNow} answers {@code afterRefresh}. */
    private static final class Keys extends SigningKeys {
        SigningKeys.Snapshot current;
        SigningKeys.Snapshot afterRefresh;
        int refreshes;

        @Override
        public Snapshot current() {
            return current;
        }

        @Override
        public Snapshot refreshNow() {
            refreshes++;
            if (afterRefresh != null) {
                current = afterRefresh;
            }
            return current;
        }
    }

    private final Keys keys = new Keys();
    private final AccessTokenVerifier verifier = verifier(keys);

    private static AccessTokenVerifier verifier(SigningKeys keys) {
        AccessTokenVerifier v = new AccessTokenVerifier();
        v.published = PublishedKeys.of(keys);
        v.server = new ServerSettings(ISSUER, Path.of("data"));
        v.tokens = new TokenSettings(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofDays(14), Duration.ofDays(90), AUDIENCE, true, Duration.ZERO);
        v.revoked = new RevokedGrants() {
            @Override
            public boolean isRevoked(String grantId) {
                return "revoked-grant".equals(grantId);
            }
        };
        return v;
    }

    /** A snapshot as {@link SigningKeys} builds it: the active key signs, every listed public key is published. */
    private static SigningKeys.Snapshot snapshot(JWK active, JWK... published) throws Exception {
        JWSSigner signer = active instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) active);
        List<JWK> publicKeys = java.util.Arrays.stream(published).map(JWK::toPublicJWK).toList();
        return new SigningKeys.Snapshot(active.getKeyID(), JWSAlgorithm.parse(active.getAlgorithm().getName()), signer,
                new JWKSet(publicKeys), 0, Long.MAX_VALUE);
    }

    private static JWTClaimsSet claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice-subject").audience(AUDIENCE)
                .claim("client_id", "it-client").claim("scope", "profile notes:read").claim("gid", "grant-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).jwtID("jti-1").build();
    }

    /** Signs like an attacker would: any header, any key. */
    private static String forge(JWSAlgorithm alg, String kid, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(new JOSEObjectType("at+jwt")).keyID(kid).build(), claims());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRejected(String token) {
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(token));
    }

    @Test
    void rs256TokensOfTheActiveRsaKeyVerify() throws Exception {
        keys.current = snapshot(rsa, rsa);
        String token = TokenIssuer.sign(keys.current, claims());
        assertEquals(JWSAlgorithm.RS256, SignedJWT.parse(token).getHeader().getAlgorithm());
        AccessTokenPrincipal p = verifier.verify(token);
        assertEquals("alice-subject", p.getSubject());
        assertEquals(Set.of("profile", "notes:read"), p.scopes());
        assertEquals(Set.of(), p.getGroups(), "scopes are never container groups (roles)");
    }

    @Test
    void es256TokensOfTheActiveEcKeyVerify() throws Exception {
        keys.current = snapshot(ec, ec);
        String token = TokenIssuer.sign(keys.current, claims());
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals("ec-1", jwt.getHeader().getKeyID());
        assertEquals(64, jwt.getSignature().decode().length, "JWS ECDSA signatures are R || S (RFC 7518 §3.4)");
        assertEquals("alice-subject", verifier.verify(token).getSubject());
    }

    @Test
    void rotationFromRs256ToEs256KeepsTheRetiringKeysTokensValid() throws Exception {
        keys.current = snapshot(rsa, rsa);
        String old = TokenIssuer.sign(keys.current, claims());
        keys.current = snapshot(ec, ec, rsa); // ES256 signs now, the RSA key is retiring but published
        String fresh = TokenIssuer.sign(keys.current, claims());
        assertEquals(JWSAlgorithm.ES256, SignedJWT.parse(fresh).getHeader().getAlgorithm());
        verifier.verify(old);
        verifier.verify(fresh);
        keys.current = snapshot(ec, ec); // the RSA key's tokens have expired: it is no longer published
        assertRejected(old);
        verifier.verify(fresh);
    }

    @Test
    void rotationFromEs256ToRs256KeepsTheRetiringKeysTokensValid() throws Exception {
        keys.current = snapshot(ec, ec);
        String old = TokenIssuer.sign(keys.current, claims());
        keys.current = snapshot(rsa, rsa, ec);
        verifier.verify(old);
        verifier.verify(TokenIssuer.sign(keys.current, claims()));
    }

    @Test
    void aKeyRotatedInOnAnotherNodeIsFetchedOnce() throws Exception {
        keys.current = snapshot(rsa, rsa);
        SigningKeys.Snapshot rotated = snapshot(ec, ec, rsa);
        keys.afterRefresh = rotated;
        verifier.verify(TokenIssuer.sign(rotated, claims()));
        assertEquals(1, keys.refreshes);
    }

    @Test
    void unsecuredTokensAreRejected() throws Exception {
        keys.current = snapshot(rsa, rsa, ec);
        String payload = claims().toPayload().toBase64URL().toString();
        assertRejected(b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + payload + ".");
        assertRejected(b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}") + "." + payload + ".");
        String signed = TokenIssuer.sign(keys.current, claims());
        String[] parts = signed.split("\\.");
        assertRejected(b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}") + "." + parts[1] + "." + parts[2]);
        assertRejected(b64("{\"alg\":\"NONE\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}") + "." + parts[1] + ".");
    }

    @Test
    void hmacWithAPublicKeyAsTheSecretIsRejected() throws Exception {
        keys.current = snapshot(rsa, rsa, ec);
        List<byte[]> secrets = List.of(rsa.toRSAPublicKey().getEncoded(), ec.toECPublicKey().getEncoded(),
                rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                ec.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                padded(rsa.getModulus().decode()));
        for (byte[] secret : secrets) {
            for (String kid : new String[] {"rsa-1", "ec-1", null}) {
                assertRejected(forge(JWSAlgorithm.HS256, kid, new MACSigner(padded(secret))));
            }
        }
    }

    @Test
    void aHeaderAlgorithmNeverPicksAKeyOfTheOtherType() throws Exception {
        keys.current = snapshot(rsa, rsa, ec);
        ECKey attackerEc = new ECKeyGenerator(Curve.P_256).generate();
        RSAKey attackerRsa = new RSAKeyGenerator(2048).generate();
        assertRejected(forge(JWSAlgorithm.ES256, "rsa-1", new ECDSASigner(attackerEc)));
        assertRejected(forge(JWSAlgorithm.RS256, "ec-1", new RSASSASigner(attackerRsa)));
        assertRejected(forge(JWSAlgorithm.ES256, null, new ECDSASigner(attackerEc)));
        assertRejected(forge(JWSAlgorithm.RS256, null, new RSASSASigner(attackerRsa)));
    }

    @Test
    void foreignKeysUnderAKnownKidAreRejected() throws Exception {
        keys.current = snapshot(ec, ec, rsa);
        ECKey attackerEc = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        RSAKey attackerRsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertRejected(forge(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(attackerEc)));
        assertRejected(forge(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(attackerRsa)));
    }

    @Test
    void otherAlgorithmsOfTheSameKeysAreRejected() throws Exception {
        keys.current = snapshot(rsa, rsa, ec);
        // The server's own private keys, but algorithms Gatehouse never issues (and the keys' alg forbids).
        assertRejected(forge(JWSAlgorithm.PS256, "rsa-1", new RSASSASigner(rsa)));
        assertRejected(forge(JWSAlgorithm.RS512, "rsa-1", new RSASSASigner(rsa)));
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        assertRejected(forge(JWSAlgorithm.ES384, "ec-1", new ECDSASigner(p384)));
    }

    @Test
    void tamperedSignaturesAndClaimsAreRejected() throws Exception {
        keys.current = snapshot(ec, ec, rsa);
        String[] parts = TokenIssuer.sign(keys.current, claims()).split("\\.");
        byte[] sig = new Base64URL(parts[2]).decode();
        sig[10] ^= 1;
        assertRejected(parts[0] + "." + parts[1] + "." + Base64URL.encode(sig));
        assertRejected(parts[0] + "." + b64("{\"iss\":\"" + ISSUER + "\",\"sub\":\"mallory\"}") + "." + parts[2]);
        byte[] zeros = new byte[64];
        assertRejected(parts[0] + "." + parts[1] + "." + Base64URL.encode(zeros));
    }

    @Test
    void revokedGrantsAndWrongTypesAreStillRejectedForEs256() throws Exception {
        keys.current = snapshot(ec, ec);
        assertRejected(TokenIssuer.sign(keys.current, new JWTClaimsSet.Builder(claims()).claim("gid", "revoked-grant").build()));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), claims());
        jwt.sign(new ECDSASigner(ec));
        assertRejected(jwt.serialize());
    }

    @Test
    void aRememberedTokenIsCheckedForRevocationOnEveryCall() throws Exception {
        java.util.Set<String> revokedNow = new java.util.HashSet<>();
        AccessTokenVerifier v = verifier(keys);
        v.revoked = new RevokedGrants() {
            @Override
            public boolean isRevoked(String grantId) {
                return revokedNow.contains(grantId);
            }
        };
        keys.current = snapshot(rsa, rsa);
        String token = TokenIssuer.sign(keys.current, claims());
        v.verify(token);
        v.verify(token); // answered from the verified-token memory
        revokedNow.add("grant-1");
        assertThrows(InvalidAccessTokenException.class, () -> v.verify(token));
    }

    @Test
    void aRememberedSignatureAnswersOnlyForTheTypeAndKeySetThatVerifiedIt() throws Exception {
        keys.current = snapshot(rsa, rsa);
        PublishedKeys published = PublishedKeys.of(keys);
        String token = TokenIssuer.sign(keys.current, claims());
        assertEquals("alice-subject", published.verify(token, "at+jwt").getSubject());
        assertThrows(java.security.GeneralSecurityException.class, () -> published.verify(token, "JWT"));
        keys.current = snapshot(ec, ec); // same token, a key set without its key
        assertThrows(CompactJws.UnknownKey.class, () -> published.verify(token, "at+jwt"));
        keys.current = snapshot(rsa, rsa);
        assertEquals("alice-subject", published.verify(token, "at+jwt").getSubject());
    }

    /** HMAC-SHA-256 keys must be at least 256 bits; a forger pads a short public key. */
    private static byte[] padded(byte[] secret) {
        return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
    }
}
