/**
 * Application metrics for operators (Prometheus text format at {@code /ops/metrics}, behind a
 * bearer token, off without one): token endpoint answers per grant type and outcome (RFC 6749
 * §5.1/§5.2), sign-ins per result, refused bearer tokens (RFC 6750 §3.1), detected code replays
 * (RFC 6749 §4.1.2) and refresh-token reuses (RFC 9700 §4.14.2), and latency histograms of the token
 * endpoint and the protected API. Micrometer's Prometheus registry is carried in the WAR so that
 * Payara and WildFly serve the same names (WildFly replaced MicroProfile Metrics with Micrometer).
 * Depends on nothing else in Gatehouse; the features that count call {@link org.gatehouse.metrics.Metrics}.
 */
package org.gatehouse.metrics;
