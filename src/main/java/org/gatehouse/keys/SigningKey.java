package org.gatehouse.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A token signing key. The public JWK is published in the JWKS (RFC 7517) while the key is
 * {@link Status#ACTIVE} or {@link Status#RETIRING}; the private part is stored encrypted
 * (AES-256-GCM under the configured key-encryption key), never in clear.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    /** Lifecycle: published and signing, published only (until its tokens expire), gone. */
    public enum Status { ACTIVE, RETIRING, RETIRED }

    @Id
    private String kid;

    private String alg;

    @Column(name = "public_jwk")
    private String publicJwk;

    @Column(name = "private_key_encrypted")
    private String privateKeyEncrypted;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, String alg, String publicJwk, String privateKeyEncrypted, Instant now) {
        this.kid = kid;
        this.alg = alg;
        this.publicJwk = publicJwk;
        this.privateKeyEncrypted = privateKeyEncrypted;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.activatedAt = now;
    }

    /** Publishes the key now but lets it sign only from {@code activation} on. */
    public void activateAt(Instant activation) {
        this.activatedAt = activation;
    }

    /** Stops signing with this key (once a newer key is active); it stays published until {@code until}. */
    public void retire(Instant until) {
        this.status = Status.RETIRING;
        this.retiredAt = until;
    }

    public void remove() {
        this.status = Status.RETIRED;
    }

    public String getKid() { return kid; }
    public String getAlg() { return alg; }
    public String getPublicJwk() { return publicJwk; }
    public String getPrivateKeyEncrypted() { return privateKeyEncrypted; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getActivatedAt() { return activatedAt; }
    public Instant getRetiredAt() { return retiredAt; }
}
