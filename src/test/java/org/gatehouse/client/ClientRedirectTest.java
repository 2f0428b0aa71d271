package org.gatehouse.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientRedirectTest {

    @Test
    void appendsEncodedParametersAndKeepsAnExistingQuery() {
        assertEquals("https://a.example/cb?code=x&state=a+b%26c&iss=https%3A%2F%2Fas",
                ClientRedirect.to("https://a.example/cb").with("code", "x").with("state", "a b&c").with("iss", "https://as").build());
        assertEquals("https://a.example/cb?tenant=1&code=x",
                ClientRedirect.to("https://a.example/cb?tenant=1").with("code", "x").with("state", null).build());
    }
}
