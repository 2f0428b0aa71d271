package org.gatehouse.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gatehouse.config.RegistrationSettings;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.scope.Scope;
import org.gatehouse.scope.Scopes;
import org.gatehouse.token.GrantHandlers;

/**
 * Authorization server metadata (RFC 8414 §2, §3) at
 * {@code /.well-known/oauth-authorization-server}. The issuer is the configured one, verbatim,
 * matching the {@code iss} of tokens and of authorization responses (RFC 9207).
 * {@code grant_types_supported} names the grant handlers the token endpoint has deployed.
 * {@code registration_endpoint} (RFC 8414 §2, RFC 7591 §3) is listed only when
 * {@code gatehouse.registration.mode} is not {@code off}.
 */
@Path("oauth-authorization-server")
@ApplicationScoped
public class MetadataEndpoint {

    @Inject
    ServerSettings server;

    @Inject
    Scopes scopes;

    @Inject
    GrantHandlers grants;

    @Inject
    RegistrationSettings registration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        return Response.ok(oauth().build().toString()).header("Cache-Control", "public, max-age=300").build();
    }

    /** The RFC 8414 members, every value derived from what this server runs. */
    JsonObjectBuilder oauth() {
        String base = server.baseUrl();
        JsonArrayBuilder scopeNames = JsonSupport.PROVIDER.createArrayBuilder();
        scopes.all().stream().map(Scope::getName).forEach(scopeNames::add);
        JsonArrayBuilder grantTypes = JsonSupport.PROVIDER.createArrayBuilder();
        grants.grantTypes().forEach(grantTypes::add);
        JsonArrayBuilder authMethods = JsonSupport.PROVIDER.createArrayBuilder().add("client_secret_basic").add("client_secret_post").add("none");
        JsonObjectBuilder metadata = JsonSupport.PROVIDER.createObjectBuilder()
                .add("issuer", server.issuer())
                .add("authorization_endpoint", base + "/oauth2/authorize")
                .add("token_endpoint", base + "/oauth2/token")
                .add("jwks_uri", base + "/oauth2/jwks")
                .add("revocation_endpoint", base + "/oauth2/revoke")
                .add("introspection_endpoint", base + "/oauth2/introspect")
                .add("scopes_supported", scopeNames)
                .add("response_types_supported", JsonSupport.PROVIDER.createArrayBuilder().add("code"))
                .add("response_modes_supported", JsonSupport.PROVIDER.createArrayBuilder().add("query"))
                .add("grant_types_supported", grantTypes)
                .add("code_challenge_methods_supported", JsonSupport.PROVIDER.createArrayBuilder().add("S256"))
                .add("token_endpoint_auth_methods_supported", authMethods)
                .add("revocation_endpoint_auth_methods_supported", JsonSupport.PROVIDER.createArrayBuilder().add("client_secret_basic").add("client_secret_post").add("none"))
                .add("introspection_endpoint_auth_methods_supported", JsonSupport.PROVIDER.createArrayBuilder().add("client_secret_basic").add("client_secret_post"))
                .add("authorization_response_iss_parameter_supported", true)
                .add("service_documentation", base + "/");
        if (registration.enabled()) {
            metadata.add("registration_endpoint", base + "/oauth2/register");
        }
        return metadata;
    }
}
