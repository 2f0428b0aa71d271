package org.gatehouse.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * What a redirect URI may be at registration (RFC 6749 §3.1.2, RFC 9700 §2.1, RFC 8252 §7):
 * absolute, without a fragment, and either https, http on a loopback host, or a private-use
 * scheme of a native app (reverse domain name, containing a dot).
 */
public final class RedirectUriRules {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final Set<String> IP_LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]");

    private RedirectUriRules() {
    }

    /** Why the URI cannot be registered, or empty if it can. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is empty");
        }
        if (value.length() > 2000) {
            return Optional.of("is longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI");
        }
        if (!uri.isAbsolute()) {
            return Optional.of("must be an absolute URI");
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            return Optional.of("must not contain a fragment (#)");
        }
        String scheme = uri.getScheme().toLowerCase();
        if (scheme.equals("https")) {
            return uri.getHost() == null ? Optional.of("must name a host") : Optional.empty();
        }
        if (scheme.equals("http")) {
            return isLoopback(uri) ? Optional.empty()
                    : Optional.of("must use https (plain http is allowed only for loopback addresses)");
        }
        if (scheme.contains(".")) {
            return Optional.empty();
        }
        return Optional.of("must use https, loopback http, or a private-use scheme such as com.example.app");
    }

    /** Plain http to a loopback host ({@code 127.0.0.1}, {@code [::1]} or {@code localhost}): allowed at registration. */
    public static boolean isLoopback(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase());
    }

    /**
     * Plain http to a loopback IP literal ({@code 127.0.0.1}, {@code [::1]}), the only redirect
     * whose port may vary (RFC 8252 §7.3), and only for public clients: {@code localhost} is a
     * name that may resolve elsewhere (RFC 8252 §8.3), and a confidential client has no reason
     * to listen on an ephemeral port.
     */
    public static boolean isIpLoopback(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && IP_LOOPBACK_HOSTS.contains(uri.getHost());
    }

    /**
     * Whether any app on the user's device could receive this redirect: loopback http (any
     * program may listen on the port) or a private-use URI scheme (any app may register it),
     * RFC 8252 §8.6. For a public client such a redirect proves nothing about who is asking,
     * so its remembered consent must not skip the consent page (RFC 6749 §10.2). Only an https
     * redirect to a named host is not claimable; plain http is registered for loopback only, and
     * an URI that does not parse counts as claimable.
     */
    public static boolean claimableByAnyApp(String redirectUri) {
        try {
            URI uri = new URI(redirectUri);
            return !("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null); // plain http is loopback only
        } catch (URISyntaxException | RuntimeException e) {
            return true;
        }
    }
}
