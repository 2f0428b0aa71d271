package org.gatehouse.logout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.gatehouse.client.ClientView;
import org.gatehouse.client.Clients;
import org.gatehouse.config.ServerSettings;
import org.gatehouse.error.ErrorPage;
import org.gatehouse.user.SignOut;
import org.gatehouse.platform.Secrets;
import org.gatehouse.token.IdTokens;
import org.gatehouse.user.AccountCache;
import org.gatehouse.user.EndedSessions;
import org.gatehouse.user.AccountView;
import org.gatehouse.user.SessionCaller;

import java.net.URI;
import java.util.Optional;

/**
 * The end-session endpoint (OpenID Connect RP-Initiated Logout 1.0 §2; GET and form POST), thin:
 * parses ({@link EndSessionRequest}), looks up the hint, the client and who is signed in, lets
 * {@link EndSessionDecision} decide, and renders: a refusal page, a confirmation page, or the
 * sign-out followed by a redirect to the verified post-logout redirect URI (or the signed-out page).
 */
@Path("logout")
@RequestScoped
public class EndSessionEndpoint {

    @Inject
    IdTokens idTokens;

    @Inject
    Clients clients;

    @Inject
    AccountCache accounts;

    @Inject
    EndedSessions endedSessions;

    @Inject
    SignOut signOut;

    @Inject
    ServerSettings server;

    @Context
    HttpServletRequest request;

    @GET
    public Response get(@Context UriInfo uri) {
        return endSession(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        return endSession(form);
    }

    private Response endSession(MultivaluedMap<String, String> params) {
        EndSessionRequest parsed;
        try {
            parsed = EndSessionRequest.parse(params);
        } catch (EndSessionRequest.Invalid e) {
            return page("Sign-out link not valid", e.getMessage());
        }
        Optional<IdTokens.Hint> hint = Optional.ofNullable(parsed.idTokenHint()).flatMap(idTokens::readHint);
        String clientId = EndSessionDecision.namedClient(parsed, hint);
        Optional<ClientView> client = Optional.ofNullable(clientId).flatMap(clients::find).filter(ClientView::enabled);
        Optional<String> signedIn = signedIn().map(AccountView::subject);

        EndSessionDecision decision = EndSessionDecision.decide(parsed, hint, client, signedIn);
        if (decision instanceof EndSessionDecision.Refused r) {
            return page(r.title(), r.message());
        }
        if (decision instanceof EndSessionDecision.Confirm c) {
            PendingSignOut pending = new PendingSignOut(Secrets.random(16), c.clientId(), c.clientName(), c.target());
            request.getSession().setAttribute(PendingSignOut.ATTRIBUTE, pending);
            return redirect(server.baseUrl() + "/signout?request=" + pending.id());
        }
        EndSessionDecision.SignOut done = (EndSessionDecision.SignOut) decision;
        if (signedIn.isPresent()) {
            signOut.end(request, via(done.clientId()));
        }
        return redirect(done.target() != null ? done.target() : server.baseUrl() + "/signed-out");
    }

    static String via(String clientId) {
        return "end-session endpoint" + (clientId == null ? "" : ", client " + clientId);
    }

    /** The account signed in on this browser, as it is now (a session whose account changed counts as none). */
    private Optional<AccountView> signedIn() {
        return SessionCaller.signedIn(request).flatMap(c -> c.current(accounts, endedSessions));
    }

    private static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", "no-store").build();
    }

    private static Response page(String title, String message) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(ErrorPage.render(400, title, message)).build();
    }
}
