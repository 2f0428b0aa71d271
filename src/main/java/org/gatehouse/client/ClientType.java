package org.gatehouse.client;

/** RFC 6749 §2.1 client types. */
public enum ClientType {
    /** Can keep a secret: authenticates at the token endpoint. */
    CONFIDENTIAL,
    /** Cannot keep a secret (SPA, native app): authenticates with PKCE only. */
    PUBLIC
}
