package org.gatehouse.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.gatehouse.platform.SpaceSeparated;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A resource owner (RFC 6749 §1.1) who signs in on the login page. */
@Entity
@Table(name = "account")
public class Account {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    /** The username column's length: longer names are never looked up. */
    public static final int MAX_USERNAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Stable, opaque subject identifier used as the {@code sub} claim (RFC 9068 §2.2). */
    private String subject;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    /** OIDC Core §5.1 email_verified: only an operator who checked the address says so. */
    @Column(name = "email_verified")
    private boolean emailVerified;

    @Column(name = "password_hash")
    private String passwordHash;

    @Convert(converter = SpaceSeparated.class)
    private Set<String> roles;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Raised by {@link #endSessions()}: sessions signed in under an older stamp end (see {@link SessionCaller}). */
    @Column(name = "security_stamp")
    private long securityStamp;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String username, String passwordHash, Set<String> roles, Instant now) {
        this.subject = UUID.randomUUID().toString();
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isAdmin() {
        return roles.contains(ROLE_ADMIN);
    }

    public Long getId() { return id; }
    public String getSubject() { return subject; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isEmailVerified() { return emailVerified; }
    public void setEmailVerified(boolean emailVerified) { this.emailVerified = emailVerified; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public Set<String> getRoles() { return roles; }
    public void setRoles(Set<String> roles) { this.roles = roles; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void touch(Instant now) { this.updatedAt = now; }
    public long getVersion() { return version; }
    public long getSecurityStamp() { return securityStamp; }

    /**
     * Ends every browser session of this account, on every node, at its next request: call it in
     * the transaction that removes a role, disables the account or changes its password (and
     * publish the change through {@link AccountCache#changed}).
     */
    public void endSessions() { this.securityStamp++; }
}
