package org.gatehouse.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestOriginTest {

    private static RequestOrigin trusting(String setting) {
        RequestOrigin origin = new RequestOrigin();
        origin.trustedSetting = Optional.ofNullable(setting);
        origin.parse();
        return origin;
    }

    /** A request from {@code peer} with these headers, over plain http. */
    private static HttpServletRequest request(String peer, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "isSecure" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void withoutTrustedProxiesForwardingHeadersAreIgnored() {
        RequestOrigin origin = trusting(null);
        HttpServletRequest r = request("192.0.2.1", Map.of("X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https"));
        assertEquals("192.0.2.1", origin.address(r));
        assertFalse(origin.secure(r));
    }

    @Test
    void aTrustedProxyNamesTheClientAsTheRightMostUntrustedHop() {
        RequestOrigin origin = trusting("10.0.0.0/8, 127.0.0.1");
        assertEquals("203.0.113.9", origin.address(request("10.1.2.3",
                Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 10.9.9.9"))));
        assertEquals("203.0.113.9", origin.address(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.9:4711"))));
        assertEquals("2001:db8::1", origin.address(request("127.0.0.1",
                Map.of("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https"))));
        assertTrue(origin.secure(request("127.0.0.1", Map.of("Forwarded", "for=192.0.2.60;proto=https"))));
        assertTrue(origin.secure(request("10.0.0.1", Map.of("X-Forwarded-Proto", "https"))));
        assertFalse(origin.secure(request("10.0.0.1", Map.of("X-Forwarded-Proto", "http"))));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSays() {
        RequestOrigin origin = trusting("10.0.0.0/8");
        HttpServletRequest r = request("192.0.2.1", Map.of("X-Forwarded-For", "10.0.0.5", "X-Forwarded-Proto", "https"));
        assertEquals("192.0.2.1", origin.address(r));
        assertFalse(origin.secure(r));
    }

    @Test
    void garbageInForwardingHeadersIsDroppedNeverLookedUp() {
        RequestOrigin origin = trusting("127.0.0.1");
        assertEquals("127.0.0.1", origin.address(request("127.0.0.1", Map.of("X-Forwarded-For", "evil.example, <script>"))));
        assertEquals("198.51.100.7", origin.address(request("127.0.0.1",
                Map.of("X-Forwarded-For", "198.51.100.7, unknown"))));
        assertEquals(Optional.empty(), RequestOrigin.address("deadbeef.example"));
    }

    @Test
    void ipv6RangesAndBadSettings() {
        RequestOrigin origin = trusting("::1, fd00::/8");
        assertEquals("203.0.113.9", origin.address(request("fd12::5", Map.of("X-Forwarded-For", "203.0.113.9"))));
        assertEquals("fe80::1", origin.address(request("fe80::1", Map.of("X-Forwarded-For", "203.0.113.9"))));
        assertThrows(IllegalArgumentException.class, () -> trusting("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
    }

    @Test
    void perAddressLimitsCountAnIpv6SubscriberByItsSlash64() {
        assertEquals("198.51.100.7", RequestOrigin.subscriber("198.51.100.7"));
        assertEquals("2001:db8:1:2::/64", RequestOrigin.subscriber("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", RequestOrigin.subscriber("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
        assertEquals("0:0:0:0::/64", RequestOrigin.subscriber("::1"));
        assertEquals("?", RequestOrigin.subscriber(null));
    }
}
