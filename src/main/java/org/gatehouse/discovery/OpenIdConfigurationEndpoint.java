package org.gatehouse.discovery;

import com.nimbusds.jose.jwk.JWK;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.keys.SigningKeys;
import org.gatehouse.platform.JsonSupport;

import java.util.List;
import java.util.TreeSet;

/**
 * OpenID Provider metadata (OpenID Connect Discovery 1.0 §3, §4) at
 * {@code /.well-known/openid-configuration}: the RFC 8414 document of {@link MetadataEndpoint}
 * plus what OpenID Connect adds, every value what this server really does: UserInfo
 * ({@code api.UserInfoResource}), the end-session endpoint (RP-Initiated Logout 1.0 §2.1,
 * {@code logout.EndSessionEndpoint}), the algorithms of the published signing keys (RS256 unless
 * the operator chose ES256, see {@code gatehouse.keys.algorithm}), {@code public} subjects, the
 * claims ID tokens and UserInfo carry, the {@code prompt} values the authorization endpoint
 * honours, and no request objects or {@code claims} parameter ({@code false} said explicitly:
 * Discovery's default for {@code request_uri_parameter_supported} is {@code true}). Still
 * {@code response_types_supported: ["code"]}: no implicit or hybrid flow.
 */
@Path("openid-configuration")
@ApplicationScoped
public class OpenIdConfigurationEndpoint {

    /** OIDC Core §2 and §5.1: what ID tokens and UserInfo responses may hold. */
    static final List<String> CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "amr",
            "name", "preferred_username", "updated_at", "email", "email_verified");

    @Inject
    MetadataEndpoint oauth;

    @Inject
    ServerSettings server;

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response configuration() {
        JsonArrayBuilder algorithms = JsonSupport.PROVIDER.createArrayBuilder();
        TreeSet<String> algs = new TreeSet<>();
        SigningKeys.Snapshot snapshot = keys.current();
        algs.add(snapshot.activeAlg().getName());
        snapshot.publicKeys().getKeys().stream().map(JWK::getAlgorithm).filter(java.util.Objects::nonNull)
                .map(a -> a.getName()).forEach(algs::add);
        algs.forEach(algorithms::add);
        JsonArrayBuilder claims = JsonSupport.PROVIDER.createArrayBuilder();
        CLAIMS.forEach(claims::add);
        String json = oauth.oauth()
                .add("userinfo_endpoint", server.baseUrl() + "/api/userinfo")
                .add("end_session_endpoint", server.baseUrl() + "/oauth2/logout")
                .add("subject_types_supported", JsonSupport.PROVIDER.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", algorithms)
                .add("claims_supported", claims)
                .add("claim_types_supported", JsonSupport.PROVIDER.createArrayBuilder().add("normal"))
                .add("prompt_values_supported", JsonSupport.PROVIDER.createArrayBuilder()
                        .add("none").add("login").add("consent").add("select_account"))
                .add("claims_parameter_supported", false)
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .build().toString();
        return Response.ok(json).header("Cache-Control", "public, max-age=300").build();
    }
}
