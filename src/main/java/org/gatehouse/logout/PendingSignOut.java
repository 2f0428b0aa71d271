package org.gatehouse.logout;

import java.io.Serializable;

/**
 * A sign-out waiting for the user's confirmation on the {@code /signout} page, kept in the HTTP
 * session it would end (one at a time: a newer request replaces it, so nothing accumulates).
 * {@code id} is random and must come back with the page, {@code target} is where to go afterwards
 * (the verified post-logout redirect URI with {@code state}, or null for the signed-out page).
 */
record PendingSignOut(String id, String clientId, String clientName, String target) implements Serializable {

    static final String ATTRIBUTE = "gatehouse.pendingSignOut";
}
