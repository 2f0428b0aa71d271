package org.gatehouse.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gatehouse.platform.RequestOrigin;
import org.gatehouse.platform.Secrets;

import java.util.regex.Pattern;

/**
 * Login CSRF protection without a server-side session (OWASP CSRF Prevention Cheat Sheet,
 * "signed double-submit cookie" without the need to sign: the value is random and only this
 * origin can read or set it). The sign-in page is a stateless Faces view, so an anonymous visit
 * creates no HTTP session; instead the page carries a random token both in a
 * {@code SameSite=Strict}, {@code HttpOnly} cookie and in a hidden field, and a sign-in is
 * accepted only when the two match (constant-time). A cross-site form post carries neither the
 * cookie (SameSite) nor knowledge of its value, so nobody can sign a victim in to an account of
 * the attacker's choosing (login CSRF).
 */
@ApplicationScoped
public class LoginCsrf {

    static final String COOKIE = "gatehouse_login";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    RequestOrigin origin;

    /** The token for the page being rendered: the browser's, or a new one set as a cookie. */
    public String token(HttpServletRequest request, HttpServletResponse response) {
        String existing = fromCookie(request);
        if (existing != null) {
            return existing;
        }
        String token = Secrets.random(32);
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.getServletContext().getSessionCookieConfig().isSecure() || origin.secure(request));
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        return token;
    }

    /** True if the posted token is the one in the browser's cookie. */
    public boolean matches(HttpServletRequest request, String posted) {
        String cookie = fromCookie(request);
        return cookie != null && posted != null && Secrets.constantTimeEquals(cookie, posted);
    }

    private static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && TOKEN.matcher(c.getValue()).matches()) {
                return c.getValue();
            }
        }
        return null;
    }
}
