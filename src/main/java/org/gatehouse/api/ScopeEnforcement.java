package org.gatehouse.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.servlet.http.HttpServletRequest;
import org.gatehouse.token.AccessTokenPrincipal;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces {@link RequiresScope} on the API against the scopes of the verified access token the
 * authentication mechanism left on the request ({@link AccessTokenPrincipal#ATTRIBUTE}), never
 * against container roles: a bearer caller has no role at all, so a scope can open no page and
 * a role can satisfy no scope. The responses are those RFC 6750 §3.1 prescribes: 401 and a bare
 * {@code Bearer} challenge without a token, 403 {@code insufficient_scope} naming the scope
 * needed. Deny by default: a resource method without {@link RequiresScope} is 403.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ScopeEnforcement implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        RequiresScope needed = method.getAnnotation(RequiresScope.class);
        if (needed == null) {
            request.abortWith(Response.status(403).build());
            return;
        }
        if (!(servletRequest.getAttribute(AccessTokenPrincipal.ATTRIBUTE) instanceof AccessTokenPrincipal token)) {
            request.abortWith(BearerErrors.tokenRequired());
            return;
        }
        if (Arrays.stream(needed.value()).noneMatch(token.scopes()::contains)) {
            request.abortWith(BearerErrors.scopeNeeded(String.join(" ", needed.value())));
        }
    }
}
