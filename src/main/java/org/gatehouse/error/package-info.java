/**
 * The OAuth error model (RFC 6749 §4.1.2.1, §5.2): one exception with one factory per error code, the
 * JSON error writer for the endpoints, and the HTML error page used wherever a redirect would be unsafe and
 * for every container error (never a stack trace).
 */
package org.gatehouse.error;
