package org.gatehouse.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else that escapes a JAX-RS endpoint: framework errors keep their status (404, 405,
 * 415...) with a JSON body; a request body that could not be read (the client stopped sending it
 * within the read timeout, or sent bytes that do not decode) is a 400 {@code invalid_request}, its
 * own fault and not worth a stack trace in the log; anything unexpected is logged and becomes
 * {@code server_error} with nothing internal in the response. The database being away is no
 * server error: see {@link DatabaseUnavailable}.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            return unavailable(e);
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String error = switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406, 415 -> "invalid_request";
                default -> "invalid_request";
            };
            String description = switch (status) {
                case 404 -> "There is no such endpoint or resource";
                case 405 -> "This endpoint does not accept that HTTP method";
                case 415 -> "Unsupported content type";
                case 406 -> "Cannot produce an acceptable representation";
                default -> "The request is malformed";
            };
            return OAuthErrorMapper.json(status, error, description, null);
        }
        if (unreadableRequest(e)) {
            LOG.log(Level.FINE, "Unreadable request body", e);
            return OAuthErrorMapper.json(400, "invalid_request", "The request body could not be read", null);
        }
        LOG.log(Level.SEVERE, "Unexpected error in an endpoint", e);
        return OAuthErrorMapper.json(500, "server_error", "The server could not complete the request", null);
    }

    /**
     * Endpoints do no I/O of their own but reading the request (the database speaks through JDBC
     * and JPA exceptions): an I/O error anywhere in the chain is the request's body failing to
     * arrive or to decode.
     */
    static boolean unreadableRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** 503: JSON for clients, the "try again shortly" page for a browser (one that asks for HTML by name). */
    private Response unavailable(Throwable e) {
        LOG.warning(() -> "Database unavailable: " + e);
        if (!asksForHtml()) {
            return new OAuthErrorMapper().toResponse(OAuthException.temporarilyUnavailable());
        }
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .entity(ErrorPage.render(503, DatabaseUnavailable.TITLE, DatabaseUnavailable.MESSAGE)).build();
    }

    private boolean asksForHtml() {
        try {
            return headers != null && headers.getAcceptableMediaTypes().stream()
                    .anyMatch(t -> "text".equals(t.getType()) && "html".equals(t.getSubtype()));
        } catch (RuntimeException malformedAccept) {
            return false;
        }
    }
}
