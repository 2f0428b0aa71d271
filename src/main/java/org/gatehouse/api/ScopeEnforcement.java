package org.gatehouse.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.gatehouse.token.AccessTokenPrincipal;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@link RequiresScope} on the API against the scopes of the verified access token the
 * authentication mechanism left on the request ({@link AccessTokenPrincipal#ATTRIBUTE}), never
 * against container roles: a bearer caller has no role at all, so a scope can open no page and
 * a role can satisfy no scope. The responses are those RFC 6750 §3.1 prescribes: 401 and a bare
 * {@code Bearer} challenge without a token, 403 {@code insufficient_scope} naming the scope
 * needed. Deny by default: a resource method without {@link RequiresScope} is 403.
 *
 * <p>A dynamic feature (JAX-RS 2.0 §6.5.3): each resource method gets, once at deployment, a filter
 * that already knows the scopes the method needs, so a request looks up nothing but its token. The
 * token is read from the request's properties, which a servlet container keeps in step with the
 * servlet request's attributes (JAX-RS {@code ContainerRequestContext#getProperty}).
 */
@Provider
public class ScopeEnforcement implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        RequiresScope needed = method == null ? null : method.getAnnotation(RequiresScope.class);
        context.register(needed == null ? new Deny() : new Require(List.of(needed.value())), Priorities.AUTHENTICATION);
    }

    /** A resource method that names no scope is closed to every caller. */
    static final class Deny implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            request.abortWith(Response.status(403).build());
        }
    }

    /** The token must carry one of the method's scopes. */
    static final class Require implements ContainerRequestFilter {

        private final List<String> anyOf;

        private final String challenge;

        Require(List<String> anyOf) {
            this.anyOf = anyOf;
            this.challenge = String.join(" ", anyOf);
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getProperty(AccessTokenPrincipal.ATTRIBUTE) instanceof AccessTokenPrincipal token)) {
                request.abortWith(BearerErrors.tokenRequired());
                return;
            }
            for (String scope : anyOf) {
                if (token.scopes().contains(scope)) {
                    return;
                }
            }
            request.abortWith(BearerErrors.scopeNeeded(challenge));
        }
    }
}
