package org.gatehouse.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.config.KeySettings;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.platform.Secrets;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signing key set, persisted so every node and every restart signs and verifies with the
 * same keys. Held in memory as a prepared snapshot (signer + public JWKS) and re-read every
 * {@code gatehouse.keys.refresh} so a rotation on another node is picked up. Rotation publishes
 * the new key at once; the previous key stops signing but stays in the JWKS until every access
 * token it signed has expired (RFC 7517 key rollover). New keys get the algorithm of
 * {@code gatehouse.keys.algorithm}; each key keeps its own, so the set may mix RS256 and ES256
 * while a rotation between them runs.
 */
@ApplicationScoped
public class SigningKeys {

    /** Every algorithm a Gatehouse key can have (RFC 7518 §3.1): what tokens may be signed with, nothing else. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    /**
     * What a node signs and verifies with, prepared once per key-set change.
     *
     * @param activeAlg the JWS {@code alg} (RFC 7515 §4.1.1) of the active key, for the header of what it signs
     */
    public record Snapshot(String activeKid, JWSAlgorithm activeAlg, JWSSigner signer, JWKSet publicKeys,
                           long loadedAt, long validUntil) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyEncryption encryption;

    @Inject
    KeySettings settings;

    @Inject
    TokenSettings tokens;

    @Inject
    Clock clock;

    private volatile Snapshot snapshot;

    public Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || clock.millis() >= s.validUntil()) {
            s = reload(Long.MIN_VALUE);
        }
        return s;
    }

    /**
     * Re-reads the key set now unless it was read in the last second: a token whose kid this node
     * has not seen yet may have been signed by a key another node just rotated in.
     */
    public Snapshot refreshNow() {
        return reload(clock.millis() - 1000);
    }

    /** Creates the first key if there is none; called at start-up. */
    @Transactional
    public void ensureActiveKey() {
        if (activeKeys().isEmpty()) {
            em.persist(generate(clock.instant()));
        }
        snapshot = null;
    }

    /**
     * Rotates: the new key is published at once and starts signing after
     * {@code gatehouse.keys.publish-lead} (so resource servers caching the JWKS learn it first);
     * the old key signs until then and stays published until every token it signed has expired.
     */
    @Transactional
    public String rotate() {
        Instant now = clock.instant();
        Instant activation = now.plus(settings.publishLead());
        Instant until = activation.plus(tokens.accessTokenTtl()).plusSeconds(60);
        for (SigningKey old : activeKeys()) {
            old.retire(maxRetire(until));
        }
        SigningKey key = generate(now);
        key.activateAt(activation);
        em.persist(key);
        em.flush();
        snapshot = null;
        return key.getKid();
    }

    private Instant maxRetire(Instant until) {
        // Clients may carry a longer access-token lifetime than the server default.
        Integer longest = em.createQuery("select max(c.accessTokenTtlSeconds) from Client c", Integer.class).getSingleResult();
        return longest == null ? until : until.plusSeconds(Math.max(0, longest - tokens.accessTokenTtl().getSeconds()));
    }

    /** Marks retiring keys whose tokens have all expired as retired (they leave the JWKS). */
    @Transactional
    public int retireExpired(Instant now) {
        return em.createQuery("update SigningKey k set k.status = :retired where k.status = :retiring and k.retiredAt < :t")
                .setParameter("retired", SigningKey.Status.RETIRED).setParameter("retiring", SigningKey.Status.RETIRING)
                .setParameter("t", now).executeUpdate();
    }

    public List<SigningKey> all() {
        return em.createQuery("select k from SigningKey k order by k.createdAt desc", SigningKey.class).getResultList();
    }

    private List<SigningKey> activeKeys() {
        return em.createQuery("select k from SigningKey k where k.status = :s", SigningKey.class)
                .setParameter("s", SigningKey.Status.ACTIVE).getResultList();
    }

    /**
     * Loads the key set unless another thread already did while this one waited for the lock
     * (a snapshot still valid and loaded no earlier than {@code notLoadedBefore} is reused).
     */
    private synchronized Snapshot reload(long notLoadedBefore) {
        Snapshot current = snapshot;
        if (current != null && current.loadedAt() >= notLoadedBefore && clock.millis() < current.validUntil()) {
            return current;
        }
        try {
            Instant now = clock.instant();
            List<SigningKey> keys = em.createQuery(
                    "select k from SigningKey k where k.status <> :retired order by k.activatedAt desc", SigningKey.class)
                    .setParameter("retired", SigningKey.Status.RETIRED).getResultList();
            List<JWK> published = new ArrayList<>();
            SigningKey active = null;
            long validUntil = clock.millis() + settings.refresh().toMillis();
            for (SigningKey k : keys) {
                if (k.getStatus() == SigningKey.Status.RETIRING && k.getRetiredAt() != null && now.isAfter(k.getRetiredAt())) {
                    continue;
                }
                published.add(JWK.parse(k.getPublicJwk()));
                if (k.getActivatedAt().isAfter(now)) {
                    // published ahead of signing: switch to it when its activation time comes
                    validUntil = Math.min(validUntil, k.getActivatedAt().toEpochMilli());
                } else if (active == null) {
                    active = k; // the most recently activated key signs
                }
            }
            if (active == null) {
                throw new IllegalStateException("no active signing key");
            }
            JWSAlgorithm alg = JWSAlgorithm.parse(active.getAlg());
            byte[] pkcs8 = encryption.decrypt(active.getPrivateKeyEncrypted(), active.getKid());
            JWSSigner signer = KeyMaterial.signer(alg, JWK.parse(active.getPublicJwk()), pkcs8);
            Snapshot s = new Snapshot(active.getKid(), alg, signer, new JWKSet(published), clock.millis(), validUntil);
            snapshot = s;
            return s;
        } catch (ParseException | JOSEException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("signing keys cannot be loaded", e);
        }
    }

    private SigningKey generate(Instant now) {
        try {
            String kid = Secrets.random(12);
            KeyMaterial.Generated key = KeyMaterial.generate(settings.algorithm(), kid);
            String sealed = encryption.encrypt(key.privatePkcs8(), kid);
            return new SigningKey(kid, settings.algorithm().name(), key.publicJwk().toJSONString(), sealed, now);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

}
