package org.gatehouse.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.platform.LogSafe;
import org.gatehouse.platform.RequestOrigin;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the sign-in and the back-channel endpoints ask before and after an authentication attempt
 * (package-info). A block that starts is audited once; the attempts it refuses are not (they cost
 * no password check and write nothing), so failures cannot grow the audit table without bound.
 */
@ApplicationScoped
public class Throttling {

    private static final Logger LOG = Logger.getLogger(Throttling.class.getName());

    @Inject
    Throttle store;

    @Inject
    AuditLog audit;

    /** When this username or this address may try to sign in again, if not now. */
    public Optional<Instant> signInBlocked(String username, String address) {
        return store.blockedUntil(account(username), from(Throttle.Kind.SIGN_IN_ADDRESS, address));
    }

    /** Counts a failed sign-in for the username (known or not) and the address; when they may try again. */
    public Optional<Instant> signInFailed(String username, String address) {
        Throttle.Subject account = account(username);
        Throttle.Counted counted = count(account, from(Throttle.Kind.SIGN_IN_ADDRESS, address));
        if (counted.blockStarted()) {
            audit.record(AuditType.SIGN_IN_THROTTLED, username, username,
                    "too many failed sign-ins; blocked until " + counted.blockedUntil().map(Instant::toString).orElse("?"),
                    address);
        }
        return counted.blockedUntil();
    }

    public void signInSucceeded(String username) {
        store.succeeded(account(username));
    }

    /** When this address may try client authentication again, if not now. */
    public Optional<Instant> clientAuthBlocked(String address) {
        return store.blockedUntil(from(Throttle.Kind.CLIENT_ADDRESS, address));
    }

    /** Counts a failed client authentication from the address. */
    public void clientAuthFailed(String clientId, String address) {
        Throttle.Counted counted = count(from(Throttle.Kind.CLIENT_ADDRESS, address));
        if (counted.blockStarted()) {
            audit.record(AuditType.CLIENT_AUTH_THROTTLED, clientId, address,
                    "too many failed client authentications from this address; blocked until "
                            + counted.blockedUntil().map(Instant::toString).orElse("?"), address);
        }
    }

    /** When this address may register a client again, if not now (registration package). */
    public Optional<Instant> registrationBlocked(String address) {
        return store.blockedUntil(from(Throttle.Kind.REGISTRATION_ADDRESS, address));
    }

    /** Counts a client registration from the address, whether it succeeded or not; audits the block it starts. */
    public void registrationAttempted(String address) {
        Throttle.Counted counted = count(from(Throttle.Kind.REGISTRATION_ADDRESS, address));
        if (counted.blockStarted()) {
            audit.record(AuditType.CLIENT_REGISTRATION_REFUSED, address, address,
                    "too many client registrations from this address; blocked until "
                            + counted.blockedUntil().map(Instant::toString).orElse("?"), address);
        }
    }

    /** An address is counted as its subscriber: IPv6 by its /64 (platform.RequestOrigin#subscriber). */
    private static Throttle.Subject from(Throttle.Kind kind, String address) {
        return new Throttle.Subject(kind, RequestOrigin.subscriber(address));
    }

    private static Throttle.Subject account(String username) {
        return new Throttle.Subject(Throttle.Kind.ACCOUNT, username);
    }

    /** Counts; two first failures of one subject at once may race on the insert: the loser counts again. */
    private Throttle.Counted count(Throttle.Subject... subjects) {
        try {
            return store.failed(subjects);
        } catch (PersistenceException | jakarta.transaction.TransactionalException first) {
            LOG.fine(() -> "Counting a failure again after " + LogSafe.of(first.toString(), 200));
            return store.failed(subjects);
        }
    }
}
