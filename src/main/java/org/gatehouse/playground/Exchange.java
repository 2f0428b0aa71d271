package org.gatehouse.playground;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One HTTP exchange as the log shows it: exactly what went over the wire, except the client
 * secret, which is masked in {@code requestHeaders} and replaced by a shell variable in
 * {@code curl}. A front-channel entry (the browser's request) has no response ({@code status} 0).
 *
 * @param step  the arrow it belongs to ({@code A}..{@code F}) or the name of a "what goes wrong" run
 * @param front true if the browser made the request (front channel), false for the server's back channel
 */
public record Exchange(int id, Instant at, String step, String title, boolean front, String method, String url,
                       List<Header> requestHeaders, String requestBody, int status, List<Header> responseHeaders,
                       String responseBody, String curl) implements Serializable {

    /** An HTTP header line. */
    public record Header(String name, String value) implements Serializable {
    }

    public Exchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }

    public boolean failed() {
        return status >= 400;
    }
}
