package org.gatehouse.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header rules of the malformed-request gate that need no server. */
class MalformedRequestFilterTest {

    @Test
    void acceptListsBrowsersAndClientsSend() {
        assertTrue(MalformedRequestFilter.isValidAccept("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"));
        assertTrue(MalformedRequestFilter.isValidAccept("*/*"));
        assertTrue(MalformedRequestFilter.isValidAccept("application/json; charset=\"utf-8\"; q=1.000"));
        assertTrue(MalformedRequestFilter.isValidAccept(""));
        assertTrue(MalformedRequestFilter.isValidAccept("text/plain;q=0, text/html"));
    }

    @Test
    void unreadableAcceptValues() {
        assertFalse(MalformedRequestFilter.isValidAccept("text/html;q=abc, */*;q="));
        assertFalse(MalformedRequestFilter.isValidAccept("%%%;;q=x"));
        assertFalse(MalformedRequestFilter.isValidAccept("text/html;q=2"));
        assertFalse(MalformedRequestFilter.isValidAccept("html"));
        assertFalse(MalformedRequestFilter.isValidAccept("text/html;level"));
    }

    @Test
    void contentTypesThatAreNoMediaType() {
        jakarta.servlet.http.HttpServletRequest form = request("application/x-www-form-urlencoded; charset=UTF-8");
        assertNull(MalformedRequestFilter.refusal(form));
        assertNull(MalformedRequestFilter.refusal(request("application/json;")));
        assertEquals("type", MalformedRequestFilter.refusal(request("%%%/;;;")));
        assertEquals("type", MalformedRequestFilter.refusal(request("multipart/form-data; boundary=x")));
        assertEquals("charset", MalformedRequestFilter.refusal(request("application/x-www-form-urlencoded; charset=nope")));
    }

    private static jakarta.servlet.http.HttpServletRequest request(String contentType) {
        return (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(getClass0().getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> 10L;
                    default -> null;
                });
    }

    private static Class<?> getClass0() {
        return MalformedRequestFilterTest.class;
    }

    @Test
    void charsetParameter() {
        assertEquals("nope", MalformedRequestFilter.charset("application/x-www-form-urlencoded; charset=nope"));
        assertEquals("UTF-8", MalformedRequestFilter.charset("application/json;CHARSET=\"UTF-8\""));
        assertNull(MalformedRequestFilter.charset("application/x-www-form-urlencoded"));
    }

    @Test
    void anIoFailureReadingTheBodyIsTheRequestsFault() {
        assertTrue(UnexpectedErrorMapper.unreadableRequest(new java.io.IOException(new java.util.concurrent.TimeoutException())));
        assertTrue(UnexpectedErrorMapper.unreadableRequest(new RuntimeException(new java.io.EOFException())));
        assertFalse(UnexpectedErrorMapper.unreadableRequest(new IllegalStateException("bug")));
    }
}
