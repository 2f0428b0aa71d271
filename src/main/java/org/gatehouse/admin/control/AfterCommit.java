package org.gatehouse.admin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.gatehouse.client.Clients;

/**
 * Evicts a client from the lookup cache now and again once the transaction has ended, so that a
 * token request racing with the change cannot re-cache the old state (secret, redirect URIs)
 * between the eviction and the commit.
 */
@ApplicationScoped
public class AfterCommit {

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    Clients clients;

    public void evictClient(String clientId) {
        clients.evict(clientId);
        if (registry != null && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    clients.evict(clientId);
                }
            });
        }
    }
}
