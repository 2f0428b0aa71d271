package org.gatehouse.error;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialResponseWriter;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors of Faces partial (Ajax) requests, which never reach the error page: Faces' own handler
 * answers them with the exception's class name. Here a stale or unknown view state sends the
 * browser to load the page afresh (a partial-response redirect), and any other error is logged and
 * answered with a fixed error name and message, nothing internal. Full-page requests keep the
 * default handling (the error page). Registered in {@code WEB-INF/faces-config.xml}.
 */
public class PartialRequestErrors extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PartialRequestErrors.class.getName());

    /** The factory Faces instantiates; wraps the default handler. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new PartialRequestErrors(getWrapped().getExceptionHandler());
        }
    }

    public PartialRequestErrors(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        if (faces == null || !events.hasNext() || !faces.getPartialViewContext().isAjaxRequest()) {
            super.handle();
            return;
        }
        boolean expired = false;
        Throwable first = null;
        while (events.hasNext()) {
            Throwable error = events.next().getContext().getException();
            events.remove();
            expired |= isViewExpired(error);
            first = first == null ? error : first;
        }
        try {
            if (expired) {
                HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
                faces.getExternalContext().redirect(request.getRequestURI()
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            } else {
                LOG.log(Level.WARNING, "Error in a partial request", first);
                PartialResponseWriter writer = faces.getPartialViewContext().getPartialResponseWriter();
                faces.getExternalContext().setResponseContentType("text/xml");
                faces.getExternalContext().setResponseCharacterEncoding("UTF-8");
                writer.startDocument();
                writer.startError("server-error");
                writer.write("The request could not be completed. Reload the page and try again.");
                writer.endError();
                writer.endDocument();
            }
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }

    private static boolean isViewExpired(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
