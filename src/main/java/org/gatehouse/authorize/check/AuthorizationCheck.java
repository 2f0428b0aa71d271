package org.gatehouse.authorize.check;

/**
 * One rule of the authorization endpoint. Checks run in a fixed order; each enforces one thing,
 * throws exactly one kind of error, and may record what it established in the context.
 */
public interface AuthorizationCheck {

    void check(AuthorizationContext context);
}
