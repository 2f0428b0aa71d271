/**
 * The Flow Playground: a page that runs a real Authorization Code flow (RFC 6749 §4.1, with PKCE,
 * RFC 7636) against this server, step by step, and shows every HTTP exchange.
 *
 * <p>The playground is an ordinary registered client ({@link org.gatehouse.playground.PlaygroundClients}):
 * its browser leg goes through the real authorize, login and consent pages, and its back channel
 * is real HTTP to the server's own base URL (the configured issuer). Nothing here calls the
 * protocol code in-process. The flow's state lives in the HTTP session
 * ({@link org.gatehouse.playground.PlaygroundSession}), so several people can use it at once.
 */
package org.gatehouse.playground;
