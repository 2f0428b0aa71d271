package org.gatehouse.authorize;

import org.gatehouse.client.ClientRedirect;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.gatehouse.authorize.check.AuthorizationChecks;
import org.gatehouse.authorize.check.AuthorizationContext;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.error.ErrorPage;
import org.gatehouse.error.OAuthException;
import org.gatehouse.user.SessionCaller;

import java.net.URI;
import java.util.Optional;

/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1; GET and form POST). Runs the ordered
 * checks, parks the validated request server-side and sends the browser to sign-in, consent or
 * straight back to the client. Errors before the client and redirect URI are proven are error
 * pages (400); after that they are redirected with {@code error}, {@code state} and {@code iss}.
 */
@Path("authorize")
@RequestScoped
public class AuthorizationEndpoint {

    @Inject
    AuthorizationChecks checks;

    @Inject
    PendingAuthorizations pending;

    @Inject
    AuthorizationFlow flow;

    @Inject
    ServerSettings server;

    @Context
    HttpServletRequest request;

    @GET
    public Response get(@Context UriInfo uri) {
        return authorize(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        return authorize(form);
    }

    /** Continues a parked request after sign-in. */
    @GET
    @Path("resume")
    public Response resume(@QueryParam("request") String id) {
        return pending.find(id)
                .map(p -> redirect(flow.next(p, caller())))
                .orElseGet(() -> page(400, "Authorization request expired",
                        "This sign-in request has expired or was already completed. Go back to the application and start again."));
    }

    private Response authorize(MultivaluedMap<String, String> params) {
        AuthorizationContext context = new AuthorizationContext(params);
        try {
            checks.run(context);
        } catch (AuthorizationPageException e) {
            return page(400, e.title(), e.getMessage());
        } catch (OAuthException e) {
            return redirect(ClientRedirect.to(context.redirectUri()).with("error", e.error())
                    .with("error_description", e.description()).with("state", context.state())
                    .with("iss", server.issuer()).build());
        }
        return redirect(flow.start(context.toRequest(), caller()));
    }

    private Optional<SessionCaller> caller() {
        return SessionCaller.signedIn(request);
    }

    private Response redirect(String location) {
        URI target = location.startsWith("/") ? URI.create(server.baseUrl() + location) : URI.create(location);
        return Response.seeOther(target).header("Cache-Control", "no-store").build();
    }

    static Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(ErrorPage.render(status, title, message)).build();
    }
}
