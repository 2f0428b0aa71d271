package org.gatehouse.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.Clients;
import org.gatehouse.config.TokenSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.gatehouse.platform.RequestOrigin;
import org.gatehouse.platform.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Validated authorization requests waiting for login and consent, in the database so any node
 * of a cluster can continue them. Ids are 128-bit random values; expired requests are gone.
 * Parking is the one write an anonymous visitor can cause, so it is bounded: one client address
 * (an IPv6 address counts as its /64) keeps at most {@link #MAX_PER_ADDRESS} parked requests, and
 * parking one more drops that address's oldest (a person never has that many sign-ins open at once);
 * with {@link #MAX_PARKED} rows parked in all, new ones are refused ("try again shortly") until
 * expired ones are gone.
 */
@ApplicationScoped
public class PendingAuthorizations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clients clients;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @Inject
    RequestOrigin origin;

    @Inject
    HttpServletRequest servletRequest;

    static final int MAX_PER_ADDRESS = 50;
    static final long MAX_PARKED = 200_000;
    private static final Duration COUNT_AGE = Duration.ofSeconds(5);

    private volatile long parkedCount;
    private volatile Instant countedAt = Instant.EPOCH;

    @Transactional
    public PendingAuthorization park(AuthorizationRequest request) {
        Instant now = clock.instant();
        if (totalParked(now) >= MAX_PARKED) {
            throw new AuthorizationPageException("Too many sign-ins at once",
                    "The server is handling too many sign-ins at the moment. Please try again shortly.");
        }
        String from = RequestOrigin.subscriber(origin.address(servletRequest));
        List<String> parked = em.createQuery("select p.id from PendingAuthorization p where p.requestedFrom = :f"
                        + " order by p.createdAt desc", String.class)
                .setParameter("f", from).setMaxResults(MAX_PER_ADDRESS + 20).getResultList();
        if (parked.size() >= MAX_PER_ADDRESS) {
            em.createQuery("delete from PendingAuthorization p where p.id in :ids")
                    .setParameter("ids", parked.subList(MAX_PER_ADDRESS - 1, parked.size())).executeUpdate();
        }
        PendingAuthorization pending = new PendingAuthorization(Secrets.random(16), request, now, now.plus(settings.requestTtl()));
        pending.requestedFrom(from);
        em.persist(pending);
        return pending;
    }

    /** The whole table's size, counted at most every few seconds (an estimate is enough for a ceiling). */
    private long totalParked(Instant now) {
        if (countedAt.plus(COUNT_AGE).isBefore(now)) {
            parkedCount = em.createQuery("select count(p) from PendingAuthorization p", Long.class).getSingleResult();
            countedAt = now;
        }
        return parkedCount++;
    }

    /** The request if it exists and has not expired. */
    public Optional<PendingAuthorization> find(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(PendingAuthorization.class, id)).filter(p -> !p.isExpired(clock.instant()));
    }

    /** Removes the request; true only for the one caller that removed it (single use). */
    @Transactional
    public boolean take(String id) {
        return em.createQuery("delete from PendingAuthorization p where p.id = :id").setParameter("id", id).executeUpdate() == 1;
    }

    /** Drops every request parked for a client (the client is deleted). */
    @Transactional
    public int dropAllForClient(String clientId) {
        return em.createQuery("delete from PendingAuthorization p where p.clientId = :c").setParameter("c", clientId).executeUpdate();
    }

    /** Drops requests past their lifetime. */
    @Transactional
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from PendingAuthorization p where p.expiresAt < :t").setParameter("t", now).executeUpdate();
    }

    public Optional<String> clientName(String id) {
        return find(id).flatMap(p -> clients.find(p.getClientId())).map(ClientView::name);
    }

    /** What the sign-in page shows for a parked request: the application, and the username to pre-fill. */
    public record SignInContext(String clientName, String loginHint, boolean signInAgain) {
    }

    /**
     * The sign-in page's view of a parked request (one read): the client's name, the
     * {@code login_hint} (OIDC Core §3.1.2.1) and whether a fresh sign-in is asked for
     * ({@code prompt=login}, {@code max_age}).
     */
    public Optional<SignInContext> signInContext(String id) {
        return find(id).map(p -> new SignInContext(clients.find(p.getClientId()).map(ClientView::name).orElse(null),
                p.getLoginHint(), p.getAuthNotBefore() != null));
    }
}
