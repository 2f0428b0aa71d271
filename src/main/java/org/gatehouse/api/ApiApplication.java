package org.gatehouse.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.gatehouse.platform.RestSettings;
import org.gatehouse.error.OAuthErrorMapper;
import org.gatehouse.error.UnexpectedErrorMapper;

import java.util.Map;
import java.util.Set;

/** The protected API (the resource server), under {@code /api}. */
@ApplicationPath("api")
@ApplicationScoped
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MeResource.class, NotesResource.class, UserInfoResource.class, ScopeEnforcement.class,
                OAuthErrorMapper.class, UnexpectedErrorMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return RestSettings.PROPERTIES;
    }
}
