package org.gatehouse.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.client.ClientView;
import org.gatehouse.config.TokenSettings;
import org.gatehouse.platform.Secrets;
import org.gatehouse.token.TokenGrant;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorization codes: issued with 256 random bits, stored as their SHA-256, redeemed once.
 * {@link #consume} is the single-use guarantee: one conditional UPDATE, so of any number of
 * concurrent redemptions on any number of nodes exactly one sees "1 row changed".
 */
@ApplicationScoped
public class AuthorizationCodes {

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    /** Creates the grant and its code for an approved request; returns the code's value. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(PendingAuthorization request, long accountId, ClientView client) {
        Instant now = clock.instant();
        String code = Secrets.random(32);
        Instant grantExpiry = now.plus(client.refreshTokenTtl().orElse(settings.refreshTokenTtl()));
        TokenGrant grant = new TokenGrant(Secrets.random(16), request.getClientId(), accountId, request.getScopes(), now, grantExpiry);
        em.persist(grant);
        em.persist(new AuthorizationCode(Secrets.sha256(code), grant.getId(), request, accountId, now, now.plus(settings.codeTtl())));
        return code;
    }

    public Optional<AuthorizationCode> find(String code) {
        return Optional.ofNullable(em.find(AuthorizationCode.class, Secrets.sha256(code)));
    }

    /** Marks the code used; true only for the one caller that did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consume(AuthorizationCode code) {
        return em.createQuery("update AuthorizationCode c set c.consumedAt = :now where c.codeHash = :h and c.consumedAt is null")
                .setParameter("now", clock.instant()).setParameter("h", code.getCodeHash()).executeUpdate() == 1;
    }
}
