package org.gatehouse.api;

import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gatehouse.token.AccessTokenPrincipal;
import org.gatehouse.user.AccountView;

import java.util.Date;
import java.util.Set;

/**
 * The OpenID Connect UserInfo endpoint (OIDC Core §5.3) at {@code /api/userinfo}, GET and POST: a
 * protected resource like the rest of the API, so the bearer token is verified in memory by the
 * one authentication mechanism (RFC 6750 §2.1: the {@code Authorization} header) and every error
 * is RFC 6750 §3's ({@code WWW-Authenticate: Bearer}, 401 {@code invalid_token}, 403
 * {@code insufficient_scope}). The token must carry {@code openid} and be issued to a user.
 * The claims are the account's, by scope (§5.4; {@link #claims}).
 */
@Path("userinfo")
@ApplicationScoped
public class UserInfoResource {

    @Inject
    ApiCaller caller;

    @GET
    @RequiresScope("openid")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return userInfo();
    }

    @POST
    @RequiresScope("openid")
    @Produces(MediaType.APPLICATION_JSON)
    public Response post() {
        return userInfo();
    }

    private Response userInfo() {
        AccountView account = caller.account();
        AccessTokenPrincipal token = caller.token();
        return Response.ok(claims(account, token.scopes()).toJSONObject().toString())
                .header("Cache-Control", "no-store").build();
    }

    /**
     * OIDC Core §5.4: {@code sub} always; {@code profile} adds {@code name} (the display name, if
     * the account has one), {@code preferred_username} and {@code updated_at}; {@code email} adds
     * {@code email} and {@code email_verified} when the account has an address. Claims the account
     * has no value for are left out (§5.3.2), never sent empty.
     */
    static UserInfo claims(AccountView account, Set<String> scopes) {
        UserInfo info = new UserInfo(new Subject(account.subject()));
        if (scopes.contains("profile")) {
            if (account.displayName() != null && !account.displayName().isBlank()) {
                info.setName(account.displayName());
            }
            info.setPreferredUsername(account.username());
            if (account.updatedAt() != null) {
                info.setUpdatedTime(Date.from(account.updatedAt()));
            }
        }
        if (scopes.contains("email") && account.email() != null && !account.email().isBlank()) {
            info.setEmailAddress(account.email());
            info.setEmailVerified(account.emailVerified());
        }
        return info;
    }
}
