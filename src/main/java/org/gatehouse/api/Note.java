package org.gatehouse.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A note owned by an account: the protected resource of the demo API. */
@Entity
@Table(name = "note")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private long accountId;

    private String text;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Note() {
    }

    public Note(long accountId, String text, Instant now) {
        this.accountId = accountId;
        this.text = text;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getAccountId() { return accountId; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
