package org.gatehouse.token;

import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonObjectBuilder;

/**
 * A successful access token response (RFC 6749 §5.1). {@code refreshToken} is null when none is
 * issued (client_credentials, §4.4.3); the member is then omitted, not sent empty. {@code idToken}
 * is the OpenID Connect ID token (OIDC Core §3.1.3.3), null unless {@code openid} was granted.
 */
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, String scope, String idToken) {

    public String toJson() {
        JsonObjectBuilder json = JsonSupport.PROVIDER.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", expiresIn);
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
        }
        if (idToken != null) {
            json.add("id_token", idToken);
        }
        return json.add("scope", scope).build().toString();
    }
}
