package org.gatehouse.authorize.check;

import org.gatehouse.error.OAuthException;

/** RFC 6749 §4.1.1 and OAuth 2.1 §4.1.1: response_type must be {@code code}; nothing else is offered. */
public final class ResponseTypeCheck implements AuthorizationCheck {

    @Override
    public void check(AuthorizationContext context) {
        String responseType = context.single("response_type");
        if (responseType == null) {
            throw OAuthException.invalidRequest("response_type is required");
        }
        if (!"code".equals(responseType)) {
            throw OAuthException.unsupportedResponseType("Only response_type=code is supported");
        }
    }
}
