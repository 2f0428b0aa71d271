package org.gatehouse.user;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells {@link BrowserSessions} the sessions' idle time-out (web.xml) and when a signed-in HTTP
 * session ends, however it ends: sign-out (it invalidates the session), time-out, or a node
 * stopping. A failure to record the end is logged and otherwise ignored: the row then drops off
 * the Sessions list once it has been idle for the time-out.
 */
@WebListener
public class SessionLifecycle implements HttpSessionListener, ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionLifecycle.class.getName());

    @Inject
    BrowserSessions sessions;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int minutes = event.getServletContext().getSessionTimeout();
        if (minutes > 0) {
            sessions.idleTimeout(Duration.ofMinutes(minutes));
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object caller;
        try {
            caller = event.getSession().getAttribute(SessionCaller.ATTRIBUTE);
        } catch (IllegalStateException gone) {
            return;
        }
        if (caller instanceof SessionCaller c) {
            try {
                sessions.ended(c.sessionId());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not record the end of a session", e);
            }
        }
    }
}
