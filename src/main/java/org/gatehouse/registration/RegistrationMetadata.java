package org.gatehouse.registration;

import org.gatehouse.platform.StoredText;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.ClientRules;
import org.gatehouse.client.ClientType;
import org.gatehouse.client.GrantTypes;
import org.gatehouse.error.OAuthException;
import org.gatehouse.platform.SpaceSeparated;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client's registration request (RFC 7591 §3.1) or update request (RFC 7592 §2.2), parsed by
 * the Nimbus OAuth SDK ({@link OIDCClientMetadata}) and judged by the one rule set of the admin
 * console and the import file ({@link ClientRules}). Pure: the scope catalogue is passed in.
 * <ul>
 *   <li>Gatehouse registers: {@code redirect_uris}, {@code client_name},
 *       {@code token_endpoint_auth_method} ({@code client_secret_basic}, the RFC 7591 §2 default,
 *       {@code client_secret_post}, or {@code none} for a public client), {@code grant_types}
 *       (default {@code authorization_code}, RFC 7591 §2), {@code response_types} (only
 *       {@code code}, and only together with {@code authorization_code}, RFC 7591 §2.1) and
 *       {@code scope} (required: the scopes of the catalogue the client may ask for).</li>
 *   <li>Fields Gatehouse does not know are ignored (RFC 7591 §2); other RFC 7591 and OpenID
 *       fields it does not register ({@code client_uri}, {@code contacts}, …) are dropped, so
 *       they are not in the response (§3.2.1 lets the server replace requested values).</li>
 *   <li>Fields that would ask for what Gatehouse cannot do ({@link #REFUSED}: client keys,
 *       request objects, encrypted responses, mutual TLS, DPoP, software statements) are refused
 *       with {@code invalid_client_metadata}, never silently ignored.</li>
 *   <li>Every input is bounded: the body ({@link #MAX_BODY_BYTES}), field names, string values,
 *       array lengths; no NUL anywhere.</li>
 * </ul>
 * A broken redirect-URI rule is {@code invalid_redirect_uri}, any other {@code invalid_client_metadata}
 * (RFC 7591 §3.2.2); descriptions name the field and never carry internal detail.
 */
public final class RegistrationMetadata {

    /** The largest registration body read (bytes); a larger one is refused unread beyond it. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_FIELDS = 100;
    static final int MAX_FIELD_NAME = 100;
    static final int MAX_STRING = 2000;
    static final int MAX_ARRAY = 50;

    /** Fields that ask for what Gatehouse does not do: refused, with the reason. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("jwks", "client keys are not supported (no private_key_jwt)"),
            Map.entry("jwks_uri", "client keys are not supported (no private_key_jwt)"),
            Map.entry("signed_jwks_uri", "client keys are not supported"),
            Map.entry("token_endpoint_auth_signing_alg", "JWT client authentication is not supported"),
            Map.entry("software_statement", "software statements are not supported"),
            Map.entry("request_uris", "request objects are not supported"),
            Map.entry("request_object_signing_alg", "request objects are not supported"),
            Map.entry("request_object_encryption_alg", "request objects are not supported"),
            Map.entry("request_object_encryption_enc", "request objects are not supported"),
            Map.entry("id_token_encrypted_response_alg", "encrypted responses are not supported"),
            Map.entry("id_token_encrypted_response_enc", "encrypted responses are not supported"),
            Map.entry("userinfo_encrypted_response_alg", "encrypted responses are not supported"),
            Map.entry("userinfo_encrypted_response_enc", "encrypted responses are not supported"),
            Map.entry("authorization_signed_response_alg", "JWT authorization responses are not supported"),
            Map.entry("authorization_encrypted_response_alg", "encrypted responses are not supported"),
            Map.entry("authorization_encrypted_response_enc", "encrypted responses are not supported"),
            Map.entry("tls_client_auth_subject_dn", "mutual TLS is not supported"),
            Map.entry("tls_client_auth_san_dns", "mutual TLS is not supported"),
            Map.entry("tls_client_auth_san_uri", "mutual TLS is not supported"),
            Map.entry("tls_client_auth_san_ip", "mutual TLS is not supported"),
            Map.entry("tls_client_auth_san_email", "mutual TLS is not supported"),
            Map.entry("tls_client_certificate_bound_access_tokens", "certificate-bound tokens are not supported"),
            Map.entry("dpop_bound_access_tokens", "DPoP is not supported"),
            Map.entry("require_pushed_authorization_requests", "pushed authorization requests are not supported"),
            Map.entry("authorization_details_types", "rich authorization requests are not supported"),
            Map.entry("backchannel_token_delivery_mode", "CIBA is not supported"),
            Map.entry("sector_identifier_uri", "pairwise subjects are not supported"));

    /** Fields of a registration response that a client must not send back (RFC 7592 §2.2). */
    static final Set<String> SERVER_ASSIGNED = Set.of("registration_access_token", "registration_client_uri",
            "client_secret_expires_at", "client_id_issued_at");

    /** A valid request: what is to be registered, and the id and secret an update request carries. */
    public record Request(ClientRules.Draft draft, Optional<String> clientId, Optional<String> clientSecret) {
    }

    private RegistrationMetadata() {
    }

    /**
     * Parses and judges a request. {@code defaultName} names a client that sent no
     * {@code client_name}; {@code update} is true for an RFC 7592 update request.
     */
    public static Request parse(String body, Set<String> knownScopes, String defaultName, boolean update) {
        JSONObject json = json(body);
        bounded(json);
        for (String key : json.keySet()) {
            if (json.get(key) == null) {
                continue;
            }
            String why = REFUSED.get(key);
            if (why != null && !Boolean.FALSE.equals(json.get(key))) {
                throw OAuthException.invalidClientMetadata(key + ": " + why);
            }
            if (update && SERVER_ASSIGNED.contains(key)) {
                throw OAuthException.invalidClientMetadata(key + ": is assigned by the server and must not be sent (RFC 7592 §2.2)");
            }
        }
        // The fields registered here are type-checked first, so their errors name them.
        List<String> redirectUris = strings(json, "redirect_uris");
        List<String> postLogoutRedirectUris = strings(json, "post_logout_redirect_uris");
        List<String> responseTypes = strings(json, "response_types");
        Optional<String> grantTypeNames = json.get("grant_types") == null ? Optional.empty()
                : Optional.of(String.join(" ", strings(json, "grant_types")));
        Optional<String> method = string(json, "token_endpoint_auth_method");
        Optional<String> scope = string(json, "scope");
        Optional<String> clientName = string(json, "client_name");
        try {
            OIDCClientMetadata.parse(json); // the SDK judges the whole document: types and URIs of every registered field
        } catch (ParseException e) {
            boolean redirect = e.getErrorObject() != null
                    && RegistrationError.INVALID_REDIRECT_URI.getCode().equals(e.getErrorObject().getCode());
            String field = firstField(e.getMessage(), json);
            throw redirect ? OAuthException.invalidRedirectUri("redirect_uris: not valid redirect URIs")
                    : OAuthException.invalidClientMetadata(field + ": not valid");
        }

        Set<String> grantTypes = grantTypeNames.isPresent()
                ? new LinkedHashSet<>(strings(json, "grant_types")) : new LinkedHashSet<>(List.of(GrantTypes.AUTHORIZATION_CODE));
        if (json.get("response_types") != null) {
            for (String t : responseTypes) {
                if (!ResponseType.CODE.toString().equals(t)) {
                    throw OAuthException.invalidClientMetadata("response_types: only code is supported");
                }
            }
            if (responseTypes.contains(ResponseType.CODE.toString()) != grantTypes.contains(GrantTypes.AUTHORIZATION_CODE)) {
                throw OAuthException.invalidClientMetadata(
                        "response_types: code goes together with the authorization_code grant type (RFC 7591 §2.1)");
            }
        }
        AuthMethod authMethod = AuthMethod.fromWireName(method.orElse(AuthMethod.CLIENT_SECRET_BASIC.wireName())).orElseThrow(() -> OAuthException.invalidClientMetadata(
                "token_endpoint_auth_method: supported are client_secret_basic, client_secret_post and none"));
        ClientType type = authMethod == AuthMethod.NONE ? ClientType.PUBLIC : ClientType.CONFIDENTIAL;

        Set<String> scopes = new LinkedHashSet<>(SpaceSeparated.parse(scope.orElseThrow(() -> OAuthException.invalidClientMetadata(
                "scope: name the scopes the client may ask for, space-separated"))));
        String name = clientName.orElse(defaultName);

        ClientRules.Draft draft = new ClientRules.Draft(name, type, authMethod, redirectUris, scopes, scopes, grantTypes, null, null,
                postLogoutRedirectUris);
        List<ClientRules.Problem> problems = ClientRules.problems(draft, knownScopes);
        if (!problems.isEmpty()) {
            throw error(problems.get(0));
        }
        return new Request(draft, string(json, "client_id"), string(json, "client_secret"));
    }

    /** The RFC 7591 §3.2.2 error for a broken rule, naming the wire field. */
    static OAuthException error(ClientRules.Problem p) {
        return switch (p.field()) {
            case ClientRules.REDIRECT_URIS -> OAuthException.invalidRedirectUri(
                    "redirect_uris" + (p.index() >= 0 ? "[" + p.index() + "]: " + p.value() + " " + p.message() : ": " + p.message()));
            case ClientRules.POST_LOGOUT_REDIRECT_URIS -> OAuthException.invalidClientMetadata("post_logout_redirect_uris"
                    + (p.index() >= 0 ? "[" + p.index() + "]: " + p.value() + " " + p.message() : ": " + p.message()));
            case ClientRules.NAME -> OAuthException.invalidClientMetadata("client_name: " + p.message());
            case ClientRules.TYPE, ClientRules.AUTH_METHOD -> OAuthException.invalidClientMetadata("token_endpoint_auth_method: " + p.message());
            case ClientRules.GRANT_TYPES -> OAuthException.invalidClientMetadata("grant_types: " + p.message());
            case ClientRules.ALLOWED_SCOPES, ClientRules.DEFAULT_SCOPES -> OAuthException.invalidClientMetadata("scope: " + p.message());
            default -> OAuthException.invalidClientMetadata(p.message());
        };
    }

    private static JSONObject json(String body) {
        if (body == null || body.isBlank()) {
            throw OAuthException.invalidClientMetadata("The request body must be a JSON object of client metadata");
        }
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException | RuntimeException e) {
            throw OAuthException.invalidClientMetadata("The request body is not a JSON object");
        }
    }

    /** Every name and value within its limit, no NUL, no nesting beyond what metadata has. */
    private static void bounded(JSONObject json) {
        if (json.size() > MAX_FIELDS) {
            throw OAuthException.invalidClientMetadata("The request has more than " + MAX_FIELDS + " fields");
        }
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (e.getKey().length() > MAX_FIELD_NAME || StoredText.hasNul(e.getKey())) {
                throw OAuthException.invalidClientMetadata("A field name is too long or holds a NUL character");
            }
            value(e.getKey(), e.getValue(), 0);
        }
    }

    private static void value(String field, Object v, int depth) {
        if (depth > 3) {
            throw OAuthException.invalidClientMetadata(field + ": nested too deeply");
        }
        if (v instanceof String s) {
            if (s.length() > MAX_STRING) {
                throw OAuthException.invalidClientMetadata(field + ": must not be longer than " + MAX_STRING + " characters");
            }
            if (StoredText.hasNul(s)) {
                throw OAuthException.invalidClientMetadata(field + ": contains a NUL character");
            }
        } else if (v instanceof List<?> list) {
            if (list.size() > MAX_ARRAY) {
                throw OAuthException.invalidClientMetadata(field + ": must not have more than " + MAX_ARRAY + " entries");
            }
            for (Object o : list) {
                value(field, o, depth + 1);
            }
        } else if (v instanceof Map<?, ?> map) {
            if (map.size() > MAX_ARRAY) {
                throw OAuthException.invalidClientMetadata(field + ": must not have more than " + MAX_ARRAY + " entries");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                value(field, e.getKey() == null ? null : e.getKey().toString(), depth + 1);
                value(field, e.getValue(), depth + 1);
            }
        }
    }

    private static Optional<String> string(JSONObject json, String key) {
        Object v = json.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw OAuthException.invalidClientMetadata(key + ": must be a string");
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static List<String> strings(JSONObject json, String key) {
        Object v = json.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JSONArray || v instanceof List<?>)) {
            throw OAuthException.invalidClientMetadata(key + ": must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof String s)) {
                throw OAuthException.invalidClientMetadata(key + ": must be an array of strings");
            }
            out.add(s);
        }
        return out;
    }

    /** The registered field the SDK's complaint names ({@code Invalid "grant_types" parameter}), else a general word. */
    private static String firstField(String message, JSONObject json) {
        if (message != null) {
            for (String key : json.keySet()) {
                if (message.contains("\"" + key + "\"")) {
                    return key;
                }
            }
        }
        return "client metadata";
    }
}
