package org.gatehouse.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * The session cookie is {@code Secure} whenever the server's public address, its issuer, is
 * https: then every browser reaches it over TLS, whether TLS ends here or at a proxy in front
 * (where the container itself only sees plain http). {@code HttpOnly} and {@code SameSite=Lax}
 * come from {@code web.xml}. {@code gatehouse.http.secure-cookies} ({@code auto}, {@code true},
 * {@code false}) overrides the choice.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var config = ConfigProvider.getConfig();
        String issuer = config.getOptionalValue("gatehouse.issuer", String.class).orElse("http://localhost:8080");
        String setting = config.getOptionalValue("gatehouse.http.secure-cookies", String.class).orElse("auto");
        boolean secure = secure(setting, issuer);
        var cookies = event.getServletContext().getSessionCookieConfig();
        cookies.setSecure(secure);
        cookies.setHttpOnly(true);
        cookies.setAttribute("SameSite", "Lax"); // as web.xml says; set here too for the servers that read only this
        LOG.fine(() -> "Session cookies " + (secure ? "are" : "are not") + " Secure");
    }

    /** {@code true}/{@code false} as set; {@code auto}: Secure exactly when the issuer is an https URL. */
    static boolean secure(String setting, String issuer) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            case "auto", "" -> issuer.trim().toLowerCase(Locale.ROOT).startsWith("https://");
            default -> throw new IllegalArgumentException("gatehouse.http.secure-cookies must be auto, true or false, not " + setting);
        };
    }
}
