package org.gatehouse.error;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders every container error (web.xml error-page, the default one included) as a readable
 * page, or, on the OAuth endpoints, the API and the metadata documents, as the same JSON error
 * their own code answers with; never a stack trace. Asked for directly, with any method, it is an address with nothing
 * at it: 404.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = request.getDispatcherType() != DispatcherType.ERROR ? 404 : code instanceof Integer i ? i : 500;
        Throwable error = request.getDispatcherType() != DispatcherType.ERROR ? null
                : (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null && DatabaseUnavailable.isCause(error)) {
            LOG.warning(() -> "Database unavailable on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + ": " + error);
            status = 503;
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        } else if (error != null) {
            LOG.log(Level.WARNING, "Unhandled error on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
            if (isViewExpired(error)) {
                status = 400;
            }
        }
        String title;
        String message;
        switch (status) {
            case 400 -> { title = "Bad request"; message = "The request could not be understood. If you were filling in a form, reload the page and try again."; }
            case 401, 403 -> { title = "Access denied"; message = "You do not have permission to open this page."; }
            case 404 -> { title = "Not found"; message = "There is nothing at this address."; }
            case 405 -> { title = "Method not allowed"; message = "This address does not accept that kind of request."; }
            case 413, 414, 431 -> { title = "Request too large"; message = "The request is larger than this server accepts."; }
            case 415 -> { title = "Unsupported request"; message = "This address does not accept that kind of content."; }
            case 501 -> { title = "Not implemented"; message = "This server does not support that kind of request."; }
            case 503 -> { title = DatabaseUnavailable.TITLE; message = DatabaseUnavailable.MESSAGE; }
            default -> { title = "Something went wrong"; message = "The server could not complete the request. It has been logged."; }
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u && u.startsWith(request.getContextPath()) ? u.substring(request.getContextPath().length()) : "";
        if (request.getDispatcherType() == DispatcherType.ERROR
                && (MalformedRequestFilter.isProtocol(path) || MalformedRequestFilter.isApi(path))) {
            // an error the container found before the endpoint ran (a header it could not parse, a
            // body too large): the endpoint's own error model, not a page
            response.setStatus(status);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(OAuthErrorMapper.body(jsonError(status), message));
            return;
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(ErrorPage.render(status, title, message));
    }

    /** The {@code error} code of a container status (RFC 6749 §5.2 where it has one). */
    static String jsonError(int status) {
        return switch (status) {
            case 400, 413, 414, 415, 431 -> "invalid_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 503 -> "temporarily_unavailable";
            default -> "server_error";
        };
    }

    private static boolean isViewExpired(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof jakarta.faces.application.ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
