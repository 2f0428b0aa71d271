package org.gatehouse.playground;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.playground.FlowState.Check;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Takes an access token apart the way a resource server does (RFC 9068 §4): decodes header and
 * claims, then checks the signature against the key set fetched over HTTP from the JWKS
 * endpoint (RS256 with an RSA key, ES256 with a P-256 key, the header's {@code alg} being the key's,
 * RFC 8725 §3.1), the type, the issuer and the expiry. The playground does this to teach; a real
 * client treats the access token as opaque.
 */
@ApplicationScoped
public class TokenInspector {

    @Inject
    BackChannel backChannel;

    @Inject
    ServerSettings server;

    @Inject
    Clock clock;

    /** Decodes the token's header and claims into pretty JSON; empty strings if it is not a JWT. */
    static String[] decode(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return new String[] {"", ""};
        }
        return new String[] {pretty(part(parts[0])), pretty(part(parts[1]))};
    }

    static JsonObject claims(String token) {
        return JsonSupport.PROVIDER.createReader(new StringReader(part(token.split("\\.")[1]))).readObject();
    }

    static String part(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    static String pretty(String json) {
        try {
            JsonValue value = JsonSupport.PROVIDER.createReader(new StringReader(json)).readValue();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = JsonSupport.PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                writer.write(value);
            }
            return out.toString().trim();
        } catch (JsonException | IllegalStateException e) {
            return json;
        }
    }

    /** Fetches the JWKS (logged as part of step D) and runs the checks. */
    List<Check> verify(FlowState state, String token) {
        List<Check> checks = new ArrayList<>();
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            checks.add(new Check("Well-formed JWT", false, "not a signed JWT: " + e.getMessage()));
            return checks;
        }
        Exchange jwks = backChannel.send(state, "D", "Fetch the server's public keys (JWKS)", Outgoing.get("/oauth2/jwks"));
        String kid = jwt.getHeader().getKeyID();
        checks.add(signature(jwt, jwks, kid));
        String typ = jwt.getHeader().getType() == null ? null : jwt.getHeader().getType().toString();
        checks.add(new Check("Type", "at+jwt".equalsIgnoreCase(typ), "header typ is " + typ + " (RFC 9068 §2.1 wants at+jwt)"));
        try {
            var claims = jwt.getJWTClaimsSet();
            checks.add(new Check("Issuer", server.issuer().equals(claims.getIssuer()),
                    "iss is " + claims.getIssuer() + " (this server is " + server.issuer() + ")"));
            checks.add(new Check("Audience", !claims.getAudience().isEmpty(), "aud is " + String.join(" ", claims.getAudience())));
            Instant exp = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
            long left = exp == null ? -1 : exp.getEpochSecond() - clock.instant().getEpochSecond();
            checks.add(new Check("Expiry", left > 0, exp == null ? "no exp claim"
                    : left > 0 ? "exp is " + exp + ", in " + left + " s" : "expired at " + exp));
        } catch (ParseException e) {
            checks.add(new Check("Claims", false, "the claims are not a JSON object"));
        }
        return checks;
    }

    static Check signature(SignedJWT jwt, Exchange jwks, String kid) {
        if (jwks.status() != 200) {
            return new Check("Signature", false, "could not fetch the JWKS: HTTP " + jwks.status());
        }
        try {
            JWK key = JWKSet.parse(jwks.responseBody()).getKeyByKeyId(kid);
            JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
            if (key == null) {
                return new Check("Signature", false, "no key with kid " + kid + " in the JWKS");
            }
            if (!alg.equals(key.getAlgorithm())) {
                return new Check("Signature", false, "the header says " + alg + " but key kid=" + kid + " is for "
                        + key.getAlgorithm() + ": refused without trying (algorithm confusion, RFC 8725 §3.1)");
            }
            JWSVerifier verifier = verifier(alg, key);
            if (verifier == null) {
                return new Check("Signature", false, "key kid=" + kid + " (" + key.getKeyType() + ") cannot verify " + alg);
            }
            boolean ok = jwt.verify(verifier);
            return new Check("Signature", ok, (ok ? "verifies" : "does NOT verify") + " with " + alg
                    + " key kid=" + kid + " from /oauth2/jwks");
        } catch (ParseException | JOSEException e) {
            return new Check("Signature", false, "cannot check: " + e.getMessage());
        }
    }

    /** RS256 needs an RSA key, ES256 a P-256 key; anything else is not a Gatehouse signature. */
    private static JWSVerifier verifier(JWSAlgorithm alg, JWK key) throws JOSEException {
        if (JWSAlgorithm.RS256.equals(alg) && key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        return null;
    }
}
