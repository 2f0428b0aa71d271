/**
 * The admin console: Faces pages under {@code /admin} (role {@code admin}, see web.xml) for
 * clients, accounts, scopes, grants, signing keys and the audit log.
 * <p>
 * {@code control} holds the services: each validates its input completely before it writes,
 * runs in one transaction (all or nothing), and records one audit event per action.
 * {@code boundary} holds the thin view-scoped {@code XxxBacking} beans that turn page input into
 * service calls and service problems into field-level Faces messages.
 */
package org.gatehouse.admin;
