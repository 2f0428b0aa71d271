package org.gatehouse.token;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.BoundedCache;
import org.gatehouse.platform.Secrets;

import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * The one place a JWS this server signed is checked against its published keys: access tokens
 * ({@link AccessTokenVerifier}) and ID tokens presented as hints ({@link IdTokens}). The Java keys
 * are prepared once per key-set change; a kid this node does not know yet may belong to a key just
 * rotated in on another node, so the key set is re-read (at most once a second, however many such
 * tokens arrive) and the token tried once more.
 *
 * <p>A token whose signature verified is remembered (by its SHA-256, at most {@value #REMEMBERED}
 * tokens for at most {@link #REMEMBER_FOR}) together with the key set that verified it, so a
 * client presenting the same access token again costs a hash instead of a signature check and a
 * JSON parse. The memory answers only while that key set is still the current one: a rotation or
 * a removed key on any node makes every remembered token go through the signature check again.
 * It remembers the signature only: the callers check expiry, audience and revocation on every
 * call (docs/architecture.md, "Caches").
 */
@ApplicationScoped
class PublishedKeys {

    @Inject
    SigningKeys keys;

    static final int REMEMBERED = 5_000;

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

    private volatile Prepared prepared;

    private final BoundedCache<String, Verified> verified = new BoundedCache<>(REMEMBERED, REMEMBER_FOR);

    private record Prepared(SigningKeys.Snapshot snapshot, Map<String, CompactJws.Key> keys) {
    }

    /** A token whose signature {@code by} verified, with the claims it carries. */
    private record Verified(Prepared by, String type, JWTClaimsSet claims) {
    }

    /** For tests: the published keys of {@code keys}. */
    static PublishedKeys of(SigningKeys keys) {
        PublishedKeys p = new PublishedKeys();
        p.keys = keys;
        return p;
    }

    /** The claims of {@code token} if a published key signed it and its header's {@code typ} is {@code type}. */
    JWTClaimsSet verify(String token, String type) throws ParseException, GeneralSecurityException, CompactJws.UnknownKey {
        if (token.length() > CompactJws.MAX_LENGTH) {
            throw new ParseException("not a compact JWS", 0);
        }
        Prepared current = prepared(keys.current());
        String id = Secrets.sha256(token);
        Verified seen = verified.peek(id).orElse(null);
        if (seen != null && seen.by() == current && seen.type().equals(type)) {
            return seen.claims();
        }
        Prepared by = current;
        JWTClaimsSet claims;
        try {
            claims = CompactJws.verify(token, current.keys(), type);
        } catch (CompactJws.UnknownKey e) {
            by = prepared(keys.refreshNow());
            claims = CompactJws.verify(token, by.keys(), type);
        }
        verified.put(id, new Verified(by, type, claims));
        return claims;
    }

    private Prepared prepared(SigningKeys.Snapshot snapshot) {
        Prepared p = prepared;
        if (p == null || p.snapshot() != snapshot) {
            p = new Prepared(snapshot, CompactJws.prepare(snapshot.publicKeys(), SigningKeys.ALGORITHMS));
            prepared = p;
        }
        return p;
    }
}
