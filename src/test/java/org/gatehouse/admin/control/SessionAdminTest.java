package org.gatehouse.admin.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionAdminTest {

    @Test
    void browsersAreNamedFromTheirUserAgent() {
        assertEquals("Chrome 131 on Linux", SessionAdmin.browser(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Edge 130 on Windows", SessionAdmin.browser(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"));
        assertEquals("Firefox 133 on macOS", SessionAdmin.browser(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0"));
        assertEquals("Safari 18 on iOS", SessionAdmin.browser(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
        assertEquals("Unknown browser", SessionAdmin.browser(null));
        assertEquals("Unknown browser", SessionAdmin.browser("curl/8.5.0"));
    }
}
