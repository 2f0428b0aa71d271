package org.gatehouse.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.platform.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one store of authorizations (docs/architecture.md, "One home for an authorization"): a
 * grant with its code, its refresh-token family and its revocation state. Every other feature
 * goes through this interface; none reads or writes {@code token_grant} or {@code refresh_token}.
 * <ul>
 *   <li>issue: one INSERT (grant and code in one row);</li>
 *   <li>redeem a code: one read by the code's hash, then {@link #consumeCode} — one conditional
 *   UPDATE, so of any number of concurrent redemptions on any number of nodes exactly one wins
 *   (RFC 6749 §4.1.2) — and the INSERT of the first refresh token;</li>
 *   <li>rotate a refresh token: one read by its hash, {@link #rotate} (one conditional UPDATE), one
 *   INSERT (OAuth 2.1 §4.3.1);</li>
 *   <li>revoke: the grant row and its live refresh tokens, and the in-memory
 *   {@link RevokedGrants} list that stops its access tokens.</li>
 * </ul>
 */
@ApplicationScoped
public class Grants {

    @PersistenceContext
    EntityManager em;

    @Inject
    RevokedGrants revokedGrants;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    /** Creates the grant and its one-time code for an approved request; returns the code's value. */
    @Transactional
    public String issue(NewGrant request) {
        Instant now = clock.instant();
        String code = Secrets.random(32);
        em.persist(new TokenGrant(Secrets.random(16), request, Secrets.sha256(code), now, now.plus(settings.codeTtl()),
                now.plus(request.familyLifetime())));
        return code;
    }

    /** The grant a code value started, if any (one read by the code's hash). */
    public Optional<TokenGrant> byCode(String code) {
        return em.createQuery("select g from TokenGrant g where g.codeHash = :h", TokenGrant.class)
                .setParameter("h", Secrets.sha256(code)).getResultStream().findFirst();
    }

    /** Marks the grant's code used; true only for the one caller that did, and only while the grant is live. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consumeCode(TokenGrant grant) {
        return em.createQuery("update TokenGrant g set g.codeConsumedAt = :now"
                        + " where g.id = :id and g.codeConsumedAt is null and g.revokedAt is null")
                .setParameter("now", clock.instant()).setParameter("id", grant.getId()).executeUpdate() == 1;
    }

    /** The refresh token with this value, if it was ever issued (one read by its hash). */
    public Optional<RefreshToken> byRefresh(String value) {
        return Optional.ofNullable(em.find(RefreshToken.class, Secrets.sha256(value)));
    }

    /** Retires a refresh token; true only for the one caller that did, and only while it is live. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rotate(RefreshToken token) {
        return em.createQuery("update RefreshToken r set r.rotatedAt = :now"
                        + " where r.tokenHash = :h and r.rotatedAt is null and r.revokedAt is null")
                .setParameter("now", clock.instant()).setParameter("h", token.getTokenHash()).executeUpdate() == 1;
    }

    /**
     * The reuse grace (config.TokenSettings#refreshReuseGrace): retires the family's live token if
     * nothing issued since {@code rotated} was rotated out has been used (one conditional UPDATE). False if the successor was already used or is gone: then the
     * presentation of {@code rotated} is a reuse after all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retireUnusedSuccessor(RefreshToken rotated) {
        // Revoked, not rotated: the token whose response was lost is dead, never itself a retry.
        // Nothing issued since may have been used (rotated without being retired like this).
        return em.createQuery("update RefreshToken r set r.rotatedAt = :now, r.revokedAt = :now where r.grantId = :g"
                        + " and r.rotatedAt is null and r.revokedAt is null and r.createdAt >= :rotated"
                        + " and not exists (select u.tokenHash from RefreshToken u where u.grantId = :g"
                        + " and u.createdAt >= :rotated and u.rotatedAt is not null and u.revokedAt is null)")
                .setParameter("now", clock.instant()).setParameter("g", rotated.getGrantId())
                .setParameter("rotated", rotated.getRotatedAt()).executeUpdate() == 1;
    }

    /**
     * Issues a refresh token of the grant's family (one INSERT); returns its value. It expires
     * after {@code ttl}, but never after the family's own end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String newRefreshToken(String grantId, String clientId, long accountId, Set<String> scopes,
                                  Instant familyEnd, java.time.Duration ttl, Instant authTime) {
        Instant now = clock.instant();
        Instant expiry = now.plus(ttl);
        String value = Secrets.random(32);
        em.persist(new RefreshToken(Secrets.sha256(value), grantId, clientId, accountId, scopes, now,
                familyEnd.isBefore(expiry) ? familyEnd : expiry, familyEnd, authTime));
        return value;
    }

    /** The grant with this id, if it exists. */
    public Optional<TokenGrant> find(String grantId) {
        return Optional.ofNullable(em.find(TokenGrant.class, grantId));
    }

    public boolean isRevoked(String grantId) {
        return revokedGrants.isRevoked(grantId);
    }

    /** Revokes one grant and everything issued under it; true if it was live. */
    @Transactional
    public boolean revoke(String grantId, String reason) {
        Instant now = clock.instant();
        int changed = em.createQuery("update TokenGrant g set g.revokedAt = :now, g.revokedReason = :reason"
                        + " where g.id = :id and g.revokedAt is null")
                .setParameter("now", now).setParameter("reason", reason).setParameter("id", grantId).executeUpdate();
        em.createQuery("update RefreshToken r set r.revokedAt = :now where r.grantId = :id and r.revokedAt is null")
                .setParameter("now", now).setParameter("id", grantId).executeUpdate();
        revokedGrants.revoked(grantId);
        return changed == 1;
    }

    /**
     * After a code redemption lost a race ({@link LostRace}) and its transaction rolled back:
     * revokes the grant the code started, if it is this client's, as a second use would. Runs in a
     * transaction of its own (the failed one can only roll back, and must have, so that it holds no
     * lock this one waits for). Returns the revoked grant's id.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> revokeAfterLostRace(String code, String clientId, String reason) {
        return byCode(code).filter(g -> g.getClientId().equals(clientId))
                .map(TokenGrant::getId).filter(id -> revoke(id, reason));
    }

    /** The same for a refresh-token rotation that lost a race (the token's whole family). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> revokeFamilyAfterLostRace(String refreshToken, String clientId, String reason) {
        return byRefresh(refreshToken).filter(t -> t.getClientId().equals(clientId))
                .map(RefreshToken::getGrantId).filter(id -> revoke(id, reason));
    }

    /** Revokes every live grant of a client (client deleted or disabled); returns how many. */
    @Transactional
    public int revokeAllForClient(String clientId, String reason) {
        return revokeAll(em.createQuery("select g.id from TokenGrant g where g.clientId = :c and g.revokedAt is null", String.class)
                .setParameter("c", clientId).getResultList(), reason);
    }

    /** Revokes every live grant of an account (disabled, deleted, password reset); returns how many. */
    @Transactional
    public int revokeAllForAccount(long accountId, String reason) {
        return revokeAll(em.createQuery("select g.id from TokenGrant g where g.accountId = :a and g.revokedAt is null", String.class)
                .setParameter("a", accountId).getResultList(), reason);
    }

    /** Revokes the live grants one account gave one client (its consent withdrawn). */
    @Transactional
    public int revokeAll(long accountId, String clientId, String reason) {
        return revokeAll(em.createQuery("select g.id from TokenGrant g where g.accountId = :a and g.clientId = :c"
                        + " and g.revokedAt is null", String.class)
                .setParameter("a", accountId).setParameter("c", clientId).getResultList(), reason);
    }

    private int revokeAll(List<String> ids, String reason) {
        ids.forEach(id -> revoke(id, reason));
        return ids.size();
    }

    /** Which grants a listing shows by their state (a revoked grant stays revoked after it expires). */
    public enum State {
        /** Not revoked and not expired: its refresh tokens (if any) work. */
        LIVE,
        /** Revoked by the user, an administrator, a replay or a reuse. */
        REVOKED,
        /** Ran out of its family lifetime without being revoked. */
        EXPIRED,
        /** Every grant still kept (revoked and expired ones go at housekeeping). */
        ALL
    }

    /**
     * What a listing shows: grants of one client and/or one account (null: any), in one state.
     * Every condition is a bound parameter; the client and account columns are indexed.
     */
    public record Filter(String clientId, Long accountId, State state) implements java.io.Serializable {
        public Filter {
            state = state == null ? State.LIVE : state;
        }

        public static Filter live(String clientId, Long accountId) {
            return new Filter(clientId, accountId, State.LIVE);
        }

        String where() {
            StringBuilder w = new StringBuilder(switch (state) {
                case LIVE -> " where g.revokedAt is null and g.expiresAt > :now";
                case REVOKED -> " where g.revokedAt is not null";
                case EXPIRED -> " where g.revokedAt is null and g.expiresAt <= :now";
                case ALL -> " where 1 = 1";
            });
            if (clientId != null) {
                w.append(" and g.clientId = :client");
            }
            if (accountId != null) {
                w.append(" and g.accountId = :account");
            }
            return w.toString();
        }

        <Q extends jakarta.persistence.TypedQuery<?>> Q bind(Q query, Instant now) {
            if (state == State.LIVE || state == State.EXPIRED) {
                query.setParameter("now", now);
            }
            if (clientId != null) {
                query.setParameter("client", clientId);
            }
            if (accountId != null) {
                query.setParameter("account", accountId);
            }
            return query;
        }
    }

    /** A listed grant with the number of its usable refresh tokens (0 for a revoked or expired one). */
    public record Listed(TokenGrant grant, long liveRefreshTokens) {
    }

    public long count(Filter filter) {
        return filter.bind(em.createQuery("select count(g) from TokenGrant g" + filter.where(), Long.class), clock.instant())
                .getSingleResult();
    }

    public long countAllLive() {
        return count(Filter.live(null, null));
    }

    /** One page of the grants the filter selects, newest first. */
    public List<Listed> list(Filter filter, int first, int max) {
        Instant now = clock.instant();
        List<Object[]> rows = filter.bind(em.createQuery("select g, (select count(r) from RefreshToken r where r.grantId = g.id"
                        + " and r.revokedAt is null and r.rotatedAt is null and r.expiresAt > :live)"
                        + " from TokenGrant g" + filter.where() + " order by g.createdAt desc, g.id", Object[].class), now)
                .setParameter("live", now)
                .setFirstResult(first).setMaxResults(max).getResultList();
        return rows.stream().map(r -> new Listed((TokenGrant) r[0], ((TokenGrant) r[0]).isRevoked() ? 0
                : ((Number) r[1]).longValue())).toList();
    }

    /**
     * Removes what can no longer validate anything: expired codes' bindings stay with their grant,
     * refresh tokens and grants go a day after they expired or were revoked or rotated.
     */
    @Transactional
    public int purgeExpired(Instant now) {
        // A refresh token stays until it could no longer be used anyway (rotated and revoked ones
        // too, so a late replay is still recognised as reuse and revokes its family).
        Instant margin = now.minus(RevokedGrants.MARGIN);
        int refresh = em.createQuery("delete from RefreshToken r where r.expiresAt < :t or r.familyExpiresAt < :t")
                .setParameter("t", margin).executeUpdate();
        // A revoked grant stays while an access token issued under it could still be presented
        // (RevokedGrants.window()), and while any of its refresh tokens is kept.
        Instant revokedHorizon = now.minus(RevokedGrants.window());
        int grants = em.createQuery("delete from TokenGrant g where not exists"
                        + " (select r from RefreshToken r where r.grantId = g.id) and (g.expiresAt < :t or g.revokedAt < :revoked"
                        + " or (g.codeConsumedAt is null and g.codeExpiresAt < :t))")
                .setParameter("t", margin).setParameter("revoked", revokedHorizon).executeUpdate();
        return refresh + grants;
    }
}
