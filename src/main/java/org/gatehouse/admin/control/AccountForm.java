package org.gatehouse.admin.control;

import org.gatehouse.user.Account;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What the account page edits. The password is only read on create; resets go separately. */
public class AccountForm implements Serializable {

    private Long id;
    private String username;
    private String displayName;
    private String email;
    private boolean emailVerified;
    private List<String> roles = new ArrayList<>(List.of(Account.ROLE_USER));
    private boolean enabled = true;
    private long version;

    public static AccountForm of(Account a) {
        AccountForm f = new AccountForm();
        f.id = a.getId();
        f.username = a.getUsername();
        f.displayName = a.getDisplayName();
        f.email = a.getEmail();
        f.emailVerified = a.isEmailVerified();
        f.roles = new ArrayList<>(a.getRoles());
        f.enabled = a.isEnabled();
        f.version = a.getVersion();
        return f;
    }

    public boolean isExisting() { return id != null; }
    public Long getId() { return id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isEmailVerified() { return emailVerified; }
    public void setEmailVerified(boolean emailVerified) { this.emailVerified = emailVerified; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles == null ? new ArrayList<>() : roles; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public long getVersion() { return version; }
}
