package org.gatehouse.registration;

import org.gatehouse.platform.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.platform.Secrets;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The initial access tokens (RFC 7591 §3): the only code that reads or writes
 * {@code initial_access_token}. A token is 256 random bits, shown once when created and kept
 * only as its SHA-256 ({@code platform.Secrets}); it is looked up by that hash, never compared
 * as plain text. A use is taken with one conditional UPDATE in the registering transaction, so of
 * concurrent registrations with a token's last use exactly one wins, on any number of nodes.
 */
@ApplicationScoped
public class InitialAccessTokens {

    public static final int MAX_LABEL = 200;
    public static final int MAX_USES = 10_000;
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);
    /** Presented tokens longer than this are never looked up. */
    static final int MAX_TOKEN_LENGTH = 256;
    /** The list shows at most this many, newest first. */
    public static final int MAX_LISTED = 500;

    /** A token as the admin console lists it: never its hash. */
    public static final class Row implements Serializable {
        private final long id;
        private final String label;
        private final String createdBy;
        private final Instant createdAt;
        private final Instant expiresAt;
        private final int maxUses;
        private final int uses;
        private final Instant revokedAt;
        private final String state;

        Row(InitialAccessToken t, Instant now) {
            this.id = t.getId();
            this.label = t.getLabel();
            this.createdBy = t.getCreatedBy();
            this.createdAt = t.getCreatedAt();
            this.expiresAt = t.getExpiresAt();
            this.maxUses = t.getMaxUses();
            this.uses = t.getUses();
            this.revokedAt = t.getRevokedAt();
            this.state = t.getRevokedAt() != null ? "revoked" : !now.isBefore(t.getExpiresAt()) ? "expired"
                    : t.getUses() >= t.getMaxUses() ? "used up" : "active";
        }

        public long getId() { return id; }
        public String getLabel() { return label; }
        public String getCreatedBy() { return createdBy; }
        public Instant getCreatedAt() { return createdAt; }
        public Instant getExpiresAt() { return expiresAt; }
        public int getMaxUses() { return maxUses; }
        public int getUses() { return uses; }
        public Instant getRevokedAt() { return revokedAt; }
        /** {@code active}, {@code expired}, {@code used up} or {@code revoked}. */
        public String getState() { return state; }
        public boolean isActive() { return "active".equals(state); }
    }

    /** A token just created: its id and the plain value, to be shown once. */
    public record Created(long id, String token) {
        public long getId() { return id; }
        public String getToken() { return token; }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Why a token cannot be created with these values, or empty. */
    public static Optional<String> problem(String label, Duration validity, int maxUses) {
        if (label == null || label.isBlank()) {
            return Optional.of("Give the token a label: who or what it is for.");
        }
        if (label.trim().length() > MAX_LABEL || StoredText.hasNul(label)) {
            return Optional.of("The label must be at most " + MAX_LABEL + " characters.");
        }
        if (validity == null || validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            return Optional.of("A token is valid for at least a minute and at most " + MAX_VALIDITY.toDays() + " days.");
        }
        if (maxUses < 1 || maxUses > MAX_USES) {
            return Optional.of("A token registers between 1 and " + MAX_USES + " clients.");
        }
        return Optional.empty();
    }

    /** Creates a token; the caller shows {@link Created#token()} once. Values must pass {@link #problem}. */
    @Transactional
    public Created create(String label, Duration validity, int maxUses, String actor, String address) {
        problem(label, validity, maxUses).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        Instant now = clock.instant();
        String token = Secrets.random(32);
        InitialAccessToken t = new InitialAccessToken(Secrets.sha256(token), label.trim(), actor, now, now.plus(validity), maxUses);
        em.persist(t);
        em.flush();
        audit.record(AuditType.INITIAL_TOKEN_CREATED, actor, "initial-token:" + t.getId(),
                "label=" + t.getLabel() + " expiresAt=" + t.getExpiresAt() + " maxUses=" + maxUses, address);
        return new Created(t.getId(), token);
    }

    /** Newest first, at most {@link #MAX_LISTED}. */
    public List<Row> list() {
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        em.createQuery("select t from InitialAccessToken t order by t.id desc", InitialAccessToken.class)
                .setMaxResults(MAX_LISTED).getResultList().forEach(t -> rows.add(new Row(t, now)));
        return rows;
    }

    /** Revokes the token at once; false if there is none or it was revoked already. */
    @Transactional
    public boolean revoke(long id, String actor, String address) {
        InitialAccessToken t = em.find(InitialAccessToken.class, id);
        if (t == null || t.getRevokedAt() != null) {
            return false;
        }
        t.revoke(clock.instant());
        audit.record(AuditType.INITIAL_TOKEN_REVOKED, actor, "initial-token:" + id, "label=" + t.getLabel(), address);
        return true;
    }

    /** The id of the usable token with this plain value, if there is one (nothing is taken). */
    public Optional<Long> usable(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || StoredText.hasNul(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createQuery("select t from InitialAccessToken t where t.tokenHash = :h", InitialAccessToken.class)
                .setParameter("h", Secrets.sha256(token)).getResultList().stream()
                .filter(t -> t.usableAt(now)).map(InitialAccessToken::getId).findFirst();
    }

    /** Takes one use of the token in the caller's transaction; false if it is no longer usable (revoked, expired, used up meanwhile). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(long id) {
        return em.createQuery("update InitialAccessToken t set t.uses = t.uses + 1 where t.id = :id"
                        + " and t.revokedAt is null and t.expiresAt > :now and t.uses < t.maxUses")
                .setParameter("id", id).setParameter("now", clock.instant()).executeUpdate() == 1;
    }

    /** How long a spent token (expired, revoked or used up) stays listed in the console before housekeeping drops it. */
    public static final Duration KEPT_AFTER_END = Duration.ofDays(30);

    /**
     * Drops tokens that expired, or were revoked, more than {@link #KEPT_AFTER_END} ago
     * (bootstrap.Housekeeping): they can register nothing, and the table stays bounded. The
     * clients they registered stay; the audit log keeps who created and revoked each token.
     */
    @Transactional
    public int purgeExpired(Instant now) {
        Instant before = now.minus(KEPT_AFTER_END);
        return em.createQuery("delete from InitialAccessToken t where t.expiresAt < :t or t.revokedAt < :t")
                .setParameter("t", before).executeUpdate();
    }
}
