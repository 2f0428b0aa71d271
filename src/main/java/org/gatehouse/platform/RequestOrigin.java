package org.gatehouse.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who sent a request and whether it reached us over https, behind proxies or not. Forwarding
 * headers ({@code X-Forwarded-For}, {@code X-Forwarded-Proto}, RFC 7239 {@code Forwarded}) are
 * believed only from the peers listed in {@code gatehouse.http.trusted-proxies} (addresses or
 * CIDR ranges, comma-separated; none by default): anyone else could write them. The client address
 * is the right-most address in the chain that is not a trusted proxy. Used by the brute-force
 * throttle, the audit log and the https-only headers (docs/architecture.md, "Conventions").
 */
@ApplicationScoped
public class RequestOrigin {

    /** An IPv4 or IPv6 literal (brackets and port already stripped); nothing a name lookup could resolve. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f.]{0,15}){2,8}");

    @Inject
    @ConfigProperty(name = "gatehouse.http.trusted-proxies")
    Optional<String> trustedSetting;

    private List<Cidr> trusted = List.of();

    @PostConstruct
    void parse() {
        trusted = Cidr.parseList(trustedSetting.orElse(""));
    }

    /** The address of the client: the peer, or the first untrusted hop a trusted proxy reported. */
    public String address(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /**
     * The unit a per-client limit is kept for: an IPv4 address as it is, an IPv6 address by its
     * /64 (one subscriber's usual share, RFC 6177; counting single IPv6 addresses would let one
     * host spread itself over 2^64 of them). Used by every per-address limit.
     */
    public static String subscriber(String address) {
        if (address == null) {
            return "?";
        }
        if (address.indexOf(':') < 0) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        Optional<byte[]> bytes = address(address).flatMap(Cidr::literal);
        if (bytes.isEmpty() || bytes.get().length != 16) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        byte[] a = bytes.get();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff))).append(':');
        }
        return key.append(":/64").toString();
    }

    /** True if the request reached us over https, directly or through a trusted TLS-terminating proxy. */
    public boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        if (!isTrusted(request.getRemoteAddr())) {
            return false;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null) {
            return proto.split(",", 2)[0].trim().equalsIgnoreCase("https");
        }
        String forwarded = request.getHeader("Forwarded");
        if (forwarded != null) {
            for (String pair : forwarded.split(",", 2)[0].split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("proto")) {
                    return unquote(kv[1]).equalsIgnoreCase("https");
                }
            }
        }
        return false;
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        for (Cidr c : trusted) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The hops of X-Forwarded-For (or else Forwarded's {@code for=}), left to right; malformed ones dropped. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        String xff = request.getHeader("X-Forwarded-For");
        if (xff != null && xff.length() <= 2000) {
            for (String hop : xff.split(",")) {
                address(hop).ifPresent(hops::add);
            }
            return hops;
        }
        String forwarded = request.getHeader("Forwarded");
        if (forwarded != null && forwarded.length() <= 2000) {
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    String[] kv = pair.trim().split("=", 2);
                    if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("for")) {
                        address(unquote(kv[1])).ifPresent(hops::add);
                    }
                }
            }
        }
        return hops;
    }

    /** An IP literal from a hop such as {@code 203.0.113.7}, {@code 203.0.113.7:4711} or {@code [2001:db8::1]:4711}. */
    static Optional<String> address(String hop) {
        String h = hop.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? "" : h.substring(1, end);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') > 0) {
            h = h.substring(0, h.indexOf(':')); // IPv4 with a port
        }
        return h.length() <= 45 && IP_LITERAL.matcher(h).matches()
                ? Optional.of(h.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** An address range: {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}, {@code fd00::/8}. */
    record Cidr(byte[] network, int bits) {

        static List<Cidr> parseList(String setting) {
            List<Cidr> list = new ArrayList<>();
            for (String item : setting.split(",")) {
                String s = item.trim();
                if (!s.isEmpty()) {
                    list.add(parse(s));
                }
            }
            return List.copyOf(list);
        }

        static Cidr parse(String s) {
            int slash = s.indexOf('/');
            String host = slash < 0 ? s : s.substring(0, slash);
            byte[] bytes = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "gatehouse.http.trusted-proxies: not an IP address or CIDR range: " + s));
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("gatehouse.http.trusted-proxies: bad prefix length in " + s);
                }
            }
            return new Cidr(bytes, bits);
        }

        boolean contains(String address) {
            Optional<byte[]> bytes = literal(address);
            if (bytes.isEmpty() || bytes.get().length != network.length) {
                return false;
            }
            byte[] a = bytes.get();
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IP literal, without any name lookup (only literals are accepted). */
        static Optional<byte[]> literal(String host) {
            String h = host.trim();
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            if (h.length() > 45 || !IP_LITERAL.matcher(h).matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(h).getAddress()); // a literal: no DNS
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }
}
