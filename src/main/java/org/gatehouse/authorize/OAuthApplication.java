package org.gatehouse.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.gatehouse.platform.RestSettings;
import org.gatehouse.discovery.JwksEndpoint;
import org.gatehouse.error.OAuthErrorMapper;
import org.gatehouse.error.UnexpectedErrorMapper;
import org.gatehouse.introspection.IntrospectionEndpoint;
import org.gatehouse.registration.RegistrationEndpoint;
import org.gatehouse.revocation.RevocationEndpoint;
import org.gatehouse.token.TokenEndpoint;

import java.util.Map;
import java.util.Set;

/** The authorization server's protocol endpoints, under {@code /oauth2}. */
@ApplicationPath("oauth2")
@ApplicationScoped
public class OAuthApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AuthorizationEndpoint.class, TokenEndpoint.class, RevocationEndpoint.class,
                IntrospectionEndpoint.class, JwksEndpoint.class, RegistrationEndpoint.class,
                org.gatehouse.logout.EndSessionEndpoint.class,
                OAuthErrorMapper.class, UnexpectedErrorMapper.class, org.gatehouse.client.FormBodyReader.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return RestSettings.PROPERTIES;
    }
}
