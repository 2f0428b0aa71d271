/**
 * Accounts (resource owners, RFC 6749 §1.1) and Argon2id password hashing at OWASP strength.
 */
package org.gatehouse.user;
