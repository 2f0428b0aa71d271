package org.gatehouse.playground;

import java.util.Arrays;
import java.util.Optional;

/** The protected API's endpoints the playground can call, with the scope each needs. */
public enum ApiEndpoint {
    ME("GET", "/api/me", "profile", "your profile"),
    NOTES_LIST("GET", "/api/notes", "notes:read", "your notes"),
    NOTES_CREATE("POST", "/api/notes", "notes:write", "a new note"),
    NOTES_DELETE("DELETE", "/api/notes/{id}", "notes:write", "delete the last note created here"),
    /** OpenID Connect UserInfo (OIDC Core §5.3): the signed-in user's claims, by scope. */
    USERINFO("GET", "/api/userinfo", "openid", "the user's claims (UserInfo)");

    final String method;
    final String path;
    final String scope;
    final String what;

    ApiEndpoint(String method, String path, String scope, String what) {
        this.method = method;
        this.path = path;
        this.scope = scope;
        this.what = what;
    }

    public String label() {
        return method + " " + path;
    }

    public String scope() {
        return scope;
    }

    public String what() {
        return what;
    }

    static Optional<ApiEndpoint> named(String name) {
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst();
    }
}
