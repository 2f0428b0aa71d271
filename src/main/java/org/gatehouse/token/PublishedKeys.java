package org.gatehouse.token;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.keys.SigningKeys;

import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.Map;

/**
 * The one place a JWS this server signed is checked against its published keys: access tokens
 * ({@link AccessTokenVerifier}) and ID tokens presented as hints ({@link IdTokens}). The Java keys
 * are prepared once per key-set change; a kid this node does not know yet may belong to a key just
 * rotated in on another node, so the key set is re-read (at most once a second, however many such
 * tokens arrive) and the token tried once more.
 */
@ApplicationScoped
class PublishedKeys {

    @Inject
    SigningKeys keys;

    private volatile Prepared prepared;

    private record Prepared(SigningKeys.Snapshot snapshot, Map<String, CompactJws.Key> keys) {
    }

    /** For tests: the published keys of {@code keys}. */
    static PublishedKeys of(SigningKeys keys) {
        PublishedKeys p = new PublishedKeys();
        p.keys = keys;
        return p;
    }

    /** The claims of {@code token} if a published key signed it and its header's {@code typ} is {@code type}. */
    JWTClaimsSet verify(String token, String type) throws ParseException, GeneralSecurityException, CompactJws.UnknownKey {
        try {
            return CompactJws.verify(token, prepared(keys.current()), type);
        } catch (CompactJws.UnknownKey e) {
            return CompactJws.verify(token, prepared(keys.refreshNow()), type);
        }
    }

    private Map<String, CompactJws.Key> prepared(SigningKeys.Snapshot snapshot) {
        Prepared p = prepared;
        if (p == null || p.snapshot() != snapshot) {
            p = new Prepared(snapshot, CompactJws.prepare(snapshot.publicKeys(), SigningKeys.ALGORITHMS));
            prepared = p;
        }
        return p.keys();
    }
}
