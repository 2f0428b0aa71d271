package org.gatehouse.it;

import jakarta.json.JsonObject;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the browser side of the Authorization Code flow over plain HTTP, the way a browser
 * would: its own cookie jar, the real login and consent forms (with their Faces view state).
 * Used by the endpoint tests; the real-browser tests use Chromium instead.
 */
public final class OAuthFlow {

    public static final String CONFIDENTIAL = "it-confidential";
    public static final String CONFIDENTIAL_SECRET = "it-confidential-secret-0123456789abcdefghijkl";
    public static final String POST_CLIENT = "it-post";
    public static final String POST_SECRET = "it-post-secret-0123456789abcdefghijklmnopqr";
    public static final String PUBLIC = "it-public";
    /** Registered for client_credentials only (a redirect URI only so that /authorize can prove it and redirect). */
    public static final String SERVICE = "it-service";
    public static final String SERVICE_SECRET = "it-service-secret-0123456789abcdefghijklmnop";
    /** Registered for authorization_code only: no refresh_token, no client_credentials. */
    public static final String CODE_ONLY = "it-code-only";
    public static final String CODE_ONLY_SECRET = "it-code-only-secret-0123456789abcdefghijklm";
    public static final String REDIRECT = "http://127.0.0.1:9876/callback";

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public final String verifier = randomVerifier();
    public final String challenge = s256(verifier);
    private final String base;

    /** A browser for the suite's server. */
    public OAuthFlow() {
        this(Http.base());
    }

    /** A browser for the server at {@code base} (a test that boots its own server). */
    public OAuthFlow(String base) {
        this.base = base;
    }

    /** The standard authorization request parameters, for tests to modify. */
    public Map<String, String> request(String clientId, String scope, String state) {
        return Http.map("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT,
                "scope", scope, "state", state, "code_challenge", challenge, "code_challenge_method", "S256");
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    public HttpResponse<String> authorize(Map<String, String> params) {
        return get("/oauth2/authorize?" + Http.form(params));
    }

    /** Follows redirects on this server only, returning the first response that is not one (or leaves it). */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        while (response.statusCode() / 100 == 3) {
            String location = location(response, base);
            if (!location.startsWith(base)) {
                return response;
            }
            response = get(location);
        }
        return response;
    }

    /** Submits the login form shown in {@code page}. */
    public HttpResponse<String> signIn(HttpResponse<String> page, String username, String password) {
        Map<String, String> fields = formFields(page.body(), "login");
        fields.put("username", username);
        fields.put("password", password);
        fields.put("signin", "Sign in");
        return post(formAction(page.body(), "login"), fields);
    }

    /** Submits the login form shown in {@code page} with one of its fields replaced (or removed, if {@code value} is null). */
    public HttpResponse<String> signInTampered(HttpResponse<String> page, String username, String password,
                                               String field, String value) {
        Map<String, String> fields = formFields(page.body(), "login");
        fields.put("username", username);
        fields.put("password", password);
        fields.put("signin", "Sign in");
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return post(formAction(page.body(), "login"), fields);
    }

    /** Presses Allow or Deny on the consent page. */
    public HttpResponse<String> consent(HttpResponse<String> page, boolean allow) {
        Map<String, String> fields = formFields(page.body(), "consent");
        fields.put(allow ? "allow" : "deny", allow ? "Allow" : "Deny");
        return post(formAction(page.body(), "consent"), fields);
    }

    /** Presses the button {@code button} (its label {@code label}) of the form {@code formId} shown in {@code page}. */
    public HttpResponse<String> press(HttpResponse<String> page, String formId, String button, String label) {
        Map<String, String> fields = formFields(page.body(), formId);
        fields.put(button, label);
        return post(formAction(page.body(), formId), fields);
    }

    /** The whole front channel: authorize, sign in, allow (if asked); returns the redirect to the client. */
    public String authorizeAndApprove(Map<String, String> params, String username, String password) {
        HttpResponse<String> r = follow(authorize(params));
        if (r.statusCode() == 200 && r.body().contains("id=\"login\"")) {
            r = follow(signIn(r, username, password));
        }
        if (r.statusCode() == 200 && r.body().contains("id=\"consent\"")) {
            r = consent(r, true);
        }
        if (r.statusCode() / 100 != 3) {
            throw new AssertionError("expected a redirect to the client, got " + r.statusCode() + ": " + r.body());
        }
        return location(r, base);
    }

    public String code(Map<String, String> params) {
        String redirect = authorizeAndApprove(params, "alice", "alice-password-1");
        String code = Http.query(redirect).get("code");
        if (code == null) {
            throw new AssertionError("no code in " + redirect);
        }
        return code;
    }

    public HttpResponse<String> exchange(String code, String clientId, String secret) {
        return exchange(Http.map("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "code_verifier", verifier), clientId, secret);
    }

    public static HttpResponse<String> exchange(Map<String, String> form, String clientId, String secret) {
        if (clientId == null) {
            return Http.postForm("/oauth2/token", form);
        }
        if (secret == null) {
            form.put("client_id", clientId);
            return Http.postForm("/oauth2/token", form);
        }
        return Http.postForm("/oauth2/token", form, "Authorization", Http.basic(clientId, secret));
    }

    /** A fresh token response for alice through the confidential client with the given scopes. */
    public static JsonObject tokens(String scope) {
        OAuthFlow flow = new OAuthFlow();
        String code = flow.code(flow.request(CONFIDENTIAL, scope, "s"));
        HttpResponse<String> response = flow.exchange(code, CONFIDENTIAL, CONFIDENTIAL_SECRET);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.body());
        }
        return Http.json(response);
    }

    /** A client_credentials token request (RFC 6749 §4.4.2); a null scope is omitted. */
    public static HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
        Map<String, String> form = Http.map("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        return exchange(form, clientId, secret);
    }

    public static HttpResponse<String> refresh(String refreshToken, String scope) {
        Map<String, String> form = Http.map("grant_type", "refresh_token", "refresh_token", refreshToken);
        if (scope != null) {
            form.put("scope", scope);
        }
        return exchange(form, CONFIDENTIAL, CONFIDENTIAL_SECRET);
    }

    /** Posts a form in this browser (with its cookies). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return postRaw(path, Http.form(fields));
    }

    /** Posts an already encoded form body (e.g. with repeated names) in this browser. */
    public HttpResponse<String> postRaw(String path, String formBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build());
    }

    private String forwardedFor;

    /**
     * Every later request of this flow says, through the trusted proxy the suite configures
     * ({@code gatehouse.http.trusted-proxies} covers loopback), that it comes from {@code address}.
     */
    public OAuthFlow from(String address) {
        this.forwardedFor = address;
        return this;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpRequest r = forwardedFor == null ? request
                    : HttpRequest.newBuilder(request, (n, v) -> true).header("X-Forwarded-For", forwardedFor).build();
            return browser.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    public static String location(HttpResponse<String> response) {
        return location(response, Http.base());
    }

    static String location(HttpResponse<String> response, String base) {
        String location = response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no Location header; status " + response.statusCode() + " " + response.body()));
        return URI.create(base).resolve(location).toString();
    }

    static String formAction(String html, String formId) {
        Matcher m = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form " + formId + " in page: " + html);
        }
        return m.group(1).replace("&amp;", "&");
    }

    /** One field's value in a page's form. */
    public static String formField(String html, String formId, String name) {
        return formFields(html, formId).get(name);
    }

    static Map<String, String> formFields(String html, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + formId + "\".*?</form>", Pattern.DOTALL).matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form " + formId);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(form.group());
        while (input.find()) {
            String attrs = input.group(1);
            String name = attr(attrs, "name");
            String type = attr(attrs, "type");
            if (name != null && !"submit".equals(type)) {
                String value = attr(attrs, "value");
                fields.put(name, value == null ? "" : value.replace("&amp;", "&"));
            }
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    public static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
