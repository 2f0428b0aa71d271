package org.gatehouse.client;

import java.util.Arrays;
import java.util.Optional;

/** Token endpoint authentication methods (RFC 6749 §2.3.1, names from RFC 7591 §2). */
public enum AuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    NONE("none");

    private final String wireName;

    AuthMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AuthMethod> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
