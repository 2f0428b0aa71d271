package org.gatehouse.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.gatehouse.config.ShutdownSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Graceful shutdown. On SIGTERM (what {@code docker stop}, Kubernetes and systemd send) the JVM
 * would run its shutdown hooks at once, and Payara Micro's hook undeploys the application and
 * closes the listener while requests are still arriving from a load balancer that has not yet
 * noticed. So Gatehouse takes SIGTERM itself:
 * <ol>
 *   <li>readiness turns DOWN at once ({@link DatabaseReadiness} asks {@link #draining()}), while
 *       every request is still served normally; each response asks the client to close its
 *       keep-alive connection;</li>
 *   <li>after {@code gatehouse.shutdown.drain} (the load balancer has taken the node out), the
 *       requests still in flight ({@link InFlightRequests} counts them) are waited for, at most
 *       {@code gatehouse.shutdown.timeout};</li>
 *   <li>then the JVM exits with 143 (128 + SIGTERM, as without this class), which runs the
 *       server's own shutdown hook: undeploy, close the pool, stop.</li>
 * </ol>
 * A second SIGTERM during the drain exits at once. The handler is the JVM's
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}); where it cannot be installed (a JVM
 * started with {@code -Xrs}) the server stops the ordinary way and only the undeploy observer
 * below turns readiness DOWN. Undeploying the application (not a JVM stop) puts the previous
 * handler back.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());
    /** The exit status of a JVM ended by SIGTERM without a handler: 128 + 15. */
    static final int EXIT_STATUS = 143;

    @Inject
    ShutdownSettings settings;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Instant drainingSince;
    /** The handler SIGTERM had before (a {@code sun.misc.SignalHandler}, typed Object so this class never needs it). */
    private volatile Object previous;
    private volatile boolean installed;

    void install(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        try {
            previous = SigTerm.handle(this::onTerm);
            installed = true;
            LOG.info(() -> "SIGTERM drains for " + settings.drain() + " (gatehouse.shutdown.drain) before the server stops");
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.warning(() -> "no SIGTERM drain (the signal cannot be handled here: " + e + "); the server stops at once on SIGTERM");
        }
    }

    void undeployed(@Observes @BeforeDestroyed(ApplicationScoped.class) Object undeploying) {
        beginDraining("the application is being undeployed");
        if (installed && previous != null) {
            try {
                SigTerm.restore(previous);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not restore the SIGTERM handler", e);
            }
            installed = false;
        }
    }

    /** True from SIGTERM (or undeploy) on: readiness is DOWN. */
    public boolean draining() {
        return draining.get();
    }

    public Instant drainingSince() {
        return drainingSince;
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestEnded() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    private void onTerm() {
        if (!beginDraining("SIGTERM")) {
            LOG.warning("second SIGTERM: stopping now");
            Runtime.getRuntime().exit(EXIT_STATUS);
            return;
        }
        Thread drain = new Thread(this::drainThenExit, "gatehouse-shutdown-drain");
        drain.setDaemon(false);
        drain.start();
    }

    private boolean beginDraining(String why) {
        if (!draining.compareAndSet(false, true)) {
            return false;
        }
        drainingSince = Instant.now();
        LOG.info(() -> "shutting down (" + why + "): readiness DOWN, still serving for " + settings.drain());
        return true;
    }

    private void drainThenExit() {
        try {
            sleep(settings.drain());
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(50));
            }
            int left = inFlight.get();
            LOG.info(() -> "drained: " + (left == 0 ? "no request in flight" : left + " request(s) still in flight after "
                    + settings.timeout()) + "; stopping the server");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "shutdown drain failed; stopping the server", e);
        } finally {
            Runtime.getRuntime().exit(EXIT_STATUS);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The only code touching {@code sun.misc} (module {@code jdk.unsupported}), loaded on first
     * use: if a server did not let the application see it, only {@link #install} fails (a
     * {@link LinkageError}, logged), not the bean.
     */
    static final class SigTerm {

        private SigTerm() {
        }

        static Object handle(Runnable onTerm) {
            return sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> onTerm.run());
        }

        static void restore(Object previous) {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), (sun.misc.SignalHandler) previous);
        }
    }
}
