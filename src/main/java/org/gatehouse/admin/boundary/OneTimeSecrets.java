package org.gatehouse.admin.boundary;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a freshly generated client secret across the redirect after create or rotate, to the
 * one page view that shows it. Taking it removes it: a reload no longer shows the secret, and
 * the server keeps only its hash.
 */
@SessionScoped
public class OneTimeSecrets implements Serializable {

    private final Map<String, String> secrets = new HashMap<>();

    public synchronized void put(String clientId, String secret) {
        secrets.put(clientId, secret);
    }

    public synchronized String take(String clientId) {
        return clientId == null ? null : secrets.remove(clientId);
    }
}
