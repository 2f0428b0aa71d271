package org.gatehouse.scope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A scope in the catalogue (RFC 6749 §3.3), with the description shown on the consent page. */
@Entity
@Table(name = "scope")
public class Scope {

    @Id
    private String name;

    private String description;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Scope() {
    }

    public Scope(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.createdAt = now;
    }

    public String getName() { return name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Instant getCreatedAt() { return createdAt; }
}
