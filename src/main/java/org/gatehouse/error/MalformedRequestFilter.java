package org.gatehouse.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one gate for request shapes no endpoint can read, in front of JAX-RS and Faces alike, so
 * that malformed input is a 4xx and never reaches a framework that would fail on it with a 500:
 * <ul>
 *   <li>a request with a body that asks for a protocol {@code Upgrade} (such as WebSocket): the
 *   server hands the bytes after the headers to the upgrade and none to the application, so reading
 *   the body would wait for the read timeout while holding a worker thread (README, "Threads and
 *   timeouts"); it is answered at once and the connection closed. Without a body the header is
 *   ignored (RFC 9110 §7.8) and the request served; {@code h2c}, which the server itself speaks
 *   (and the JDK's HTTP client asks for), passes;</li>
 *   <li>a body with a {@code Content-Encoding} other than {@code identity} (nothing here decodes
 *   gzip or deflate, RFC 9110 §8.4: 415 with {@code Accept-Encoding: identity}, RFC 9110 §12.5.3);</li>
 *   <li>a {@code Content-Type} whose {@code charset} is not UTF-8, US-ASCII or ISO-8859-1 (form
 *   bodies are UTF-8; an unknown charset made the form reader throw);</li>
 *   <li>{@code multipart/*} bodies (no endpoint takes one; Faces failed parsing them) and a
 *   {@code Content-Type} that is not a media type at all (RFC 9110 §8.3.1).</li>
 * </ul>
 * Those are refused: with the OAuth JSON error {@code invalid_request} on the protocol endpoints
 * (400, RFC 6749 §5.2) and the API (415), with the error page elsewhere. Header values that are
 * merely unreadable are ignored, as HTTP says they must be: an {@code If-Modified-Since} or
 * {@code If-Unmodified-Since} that is not an HTTP-date (RFC 9110 §13.1.3, §13.1.4) and an
 * {@code Accept} that is not a list of media ranges (Faces failed parsing it) are treated as
 * absent. Mapped in {@code WEB-INF/web.xml}, after the security headers.
 */
public class MalformedRequestFilter extends HttpFilter {

    private static final Set<String> CHARSETS = Set.of("utf-8", "us-ascii", "iso-8859-1");

    private static final Set<String> DATE_HEADERS = Set.of("if-modified-since", "if-unmodified-since");

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAMETER = "\\s*;\\s*" + TOKEN + "\\s*=\\s*(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")";
    private static final Pattern MEDIA_TYPE = Pattern.compile("\\s*" + TOKEN + "/" + TOKEN + "(?:" + PARAMETER + ")*\\s*;?\\s*");
    private static final Pattern MEDIA_RANGE = Pattern.compile("\\s*" + TOKEN + "/" + TOKEN + "(?:" + PARAMETER + ")*\\s*");
    private static final Pattern QVALUE = Pattern.compile("(?i)\\s*;\\s*q\\s*=\\s*(?:0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?)\\s*(?:;|$)");
    private static final Pattern Q_PARAMETER = Pattern.compile("(?i);\\s*q\\s*=");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String refusal = refusal(request);
        if (refusal != null) {
            refuse(request, response, refusal);
            return;
        }
        Set<String> ignored = unreadableHeaders(request);
        chain.doFilter(ignored.isEmpty() ? request : new WithoutHeaders(request, ignored), response);
    }

    /** Why the request cannot be read at all, or null. */
    static String refusal(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade != null && hasBody(request) && !upgrade.trim().equalsIgnoreCase("h2c")) {
            return "upgrade";
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            return "encoding";
        }
        String type = request.getContentType();
        if (type == null) {
            return null;
        }
        if (!MEDIA_TYPE.matcher(type).matches() || type.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return "type";
        }
        String charset = charset(type);
        if (charset != null && !CHARSETS.contains(charset.toLowerCase(Locale.ROOT))) {
            return "charset";
        }
        return null;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** The charset parameter of a Content-Type value, unquoted, or null. */
    static String charset(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    /** True if the value is an Accept list of media ranges with valid weights (RFC 9110 §12.5.1). */
    static boolean isValidAccept(String value) {
        if (value.isBlank()) {
            return true;
        }
        for (String range : value.split(",", -1)) {
            if (range.isBlank()) {
                continue;
            }
            if (!MEDIA_RANGE.matcher(range).matches()) {
                return false;
            }
            var q = Q_PARAMETER.matcher(range);
            if (q.find() && !QVALUE.matcher(range.substring(q.start())).lookingAt()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> unreadableHeaders(HttpServletRequest request) {
        Set<String> ignored = null;
        for (String name : DATE_HEADERS) {
            try {
                request.getDateHeader(name);
            } catch (IllegalArgumentException e) {
                ignored = add(ignored, name);
            }
        }
        for (Enumeration<String> values = request.getHeaders("Accept"); values != null && values.hasMoreElements(); ) {
            if (!isValidAccept(values.nextElement())) {
                ignored = add(ignored, "accept");
                break;
            }
        }
        return ignored == null ? Set.of() : ignored;
    }

    private static Set<String> add(Set<String> set, String name) {
        Set<String> s = set == null ? new java.util.HashSet<>() : set;
        s.add(name);
        return s;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        if ("encoding".equals(why)) {
            response.setHeader("Accept-Encoding", "identity");
        }
        if ("upgrade".equals(why)) {
            response.setHeader("Connection", "close"); // the body that follows is never read
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean protocol = isProtocol(path);
        boolean api = isApi(path);
        String description = switch (why) {
            case "encoding" -> "The request body must not be compressed";
            case "charset" -> "The request body must be UTF-8";
            case "upgrade" -> "Protocol upgrades are not supported";
            default -> "Unsupported content type";
        };
        if (protocol || api) {
            int status = protocol || "upgrade".equals(why) ? 400 : 415;
            response.setStatus(status);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(OAuthErrorMapper.body("invalid_request", description));
            return;
        }
        response.sendError("upgrade".equals(why) ? 400 : 415);
    }

    /** The OAuth endpoints (and their short aliases): their errors are OAuth JSON (RFC 6749 §5.2). */
    static boolean isProtocol(String path) {
        return path.startsWith("/oauth2/") || Set.of("/authorize", "/token", "/revoke", "/introspect", "/jwks").contains(path);
    }

    /** The API and the metadata documents: their errors are JSON too. */
    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/.well-known/");
    }

    /** The request with some headers treated as absent. */
    private static final class WithoutHeaders extends HttpServletRequestWrapper {
        private final Set<String> hidden;

        WithoutHeaders(HttpServletRequest request, Set<String> hidden) {
            super(request);
            this.hidden = hidden;
        }

        private boolean hidden(String name) {
            return name != null && hidden.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return hidden(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
        }
    }
}
