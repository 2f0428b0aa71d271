package org.gatehouse.platform;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the whole application. {@code jakarta.json.Json.createXxx()} looks the
 * provider up through the ServiceLoader on every call, which profiling showed to be a large
 * share of a token request's CPU time; this looks it up once.
 */
public final class JsonSupport {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonSupport() {
    }
}
