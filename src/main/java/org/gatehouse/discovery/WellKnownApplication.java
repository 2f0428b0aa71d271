package org.gatehouse.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.gatehouse.platform.RestSettings;
import org.gatehouse.error.OAuthErrorMapper;
import org.gatehouse.error.UnexpectedErrorMapper;

import java.util.Map;
import java.util.Set;

/** Well-known documents (RFC 8615), under {@code /.well-known}. */
@ApplicationPath(".well-known")
@ApplicationScoped
public class WellKnownApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MetadataEndpoint.class, OpenIdConfigurationEndpoint.class, OAuthErrorMapper.class, UnexpectedErrorMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return RestSettings.PROPERTIES;
    }
}
