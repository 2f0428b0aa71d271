package org.gatehouse.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope(s) an API method needs, any one of them (RFC 6749 §3.3, RFC 6750 §3.1), checked by
 * {@link ScopeEnforcement} against the verified token's {@code scope}. Deliberately not
 * {@code @RolesAllowed}: scopes are not container roles, so no role check of the container can
 * mistake one for the other. A method without it is refused (deny by default).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    String[] value();
}
