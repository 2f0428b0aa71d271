package org.gatehouse.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} / {@code @PermitAll} / {@code @DenyAll} on the API, where the
 * caller's roles are its token's scopes, with the responses RFC 6750 §3.1 prescribes: 401 and a
 * bare {@code Bearer} challenge without a token, 403 {@code insufficient_scope} naming the scope
 * needed. Deny by default: a method with no annotation inherits its class's {@code @DenyAll}.
 * Done here, before the container's own {@code @RolesAllowed} filter (hence the earlier
 * priority), so both Payara and WildFly answer the same way.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ScopeEnforcement implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !method.isAnnotationPresent(DenyAll.class)) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (roles == null) {
            request.abortWith(Response.status(403).build());
            return;
        }
        var security = request.getSecurityContext();
        if (security.getUserPrincipal() == null) {
            request.abortWith(BearerErrors.tokenRequired());
            return;
        }
        if (Arrays.stream(roles.value()).noneMatch(security::isUserInRole)) {
            request.abortWith(BearerErrors.scopeNeeded(String.join(" ", roles.value())));
        }
    }
}
