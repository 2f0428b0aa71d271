package org.gatehouse.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.gatehouse.platform.SpaceSeparated;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** The scopes an account has agreed to give a client; a request within them skips the page. */
@Entity
@Table(name = "consent")
@IdClass(Consent.Key.class)
public class Consent {

    /** Composite key: one remembered consent per account and client. */
    public static class Key implements Serializable {
        private long accountId;
        private String clientId;

        public Key() {
        }

        public Key(long accountId, String clientId) {
            this.accountId = accountId;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId == accountId && java.util.Objects.equals(k.clientId, clientId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(accountId, clientId);
        }
    }

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Convert(converter = SpaceSeparated.class)
    private Set<String> scopes;

    @Column(name = "granted_at")
    private Instant grantedAt;

    protected Consent() {
    }

    public Consent(long accountId, String clientId, Set<String> scopes, Instant now) {
        this.accountId = accountId;
        this.clientId = clientId;
        this.scopes = scopes;
        this.grantedAt = now;
    }

    public boolean covers(Set<String> requested) {
        return scopes.containsAll(requested);
    }

    /** Adds newly approved scopes to what was already remembered. */
    public void widen(Set<String> approved, Instant now) {
        Set<String> all = new LinkedHashSet<>(scopes);
        all.addAll(approved);
        this.scopes = all;
        this.grantedAt = now;
    }

    public long getAccountId() { return accountId; }
    public String getClientId() { return clientId; }
    public Set<String> getScopes() { return scopes; }
    public Instant getGrantedAt() { return grantedAt; }
}
