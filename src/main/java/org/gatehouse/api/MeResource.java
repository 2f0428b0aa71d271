package org.gatehouse.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gatehouse.token.AccessTokenPrincipal;
import org.gatehouse.user.AccountView;

/**
 * {@code GET /api/me}: the signed-in account's profile; needs scope {@code profile} and a token
 * issued to a user (a client's own token is 403, see {@link ApiCaller#account()}).
 */
@Path("me")
@ApplicationScoped
public class MeResource {

    @Inject
    ApiCaller caller;

    @GET
    @RequiresScope("profile")
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        AccessTokenPrincipal token = caller.token();
        AccountView account = caller.account();
        JsonObjectBuilder json = JsonSupport.PROVIDER.createObjectBuilder()
                .add("sub", account.subject())
                .add("username", account.username())
                .add("client_id", token.clientId())
                .add("scope", String.join(" ", token.scopes()));
        if (account.displayName() != null) {
            json.add("name", account.displayName());
        }
        if (account.email() != null) {
            json.add("email", account.email());
        }
        return json.build().toString();
    }
}
