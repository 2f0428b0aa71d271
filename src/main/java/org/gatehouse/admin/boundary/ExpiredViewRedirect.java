package org.gatehouse.admin.boundary;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Iterator;

/**
 * A form posted from an admin page whose view is gone (the server keeps a limited number of
 * views per session) lands back on the same page, freshly loaded, with a message that nothing
 * was saved, instead of an error page. Other pages keep the default handling. Registered in
 * {@code WEB-INF/faces-config.xml}.
 */
public class ExpiredViewRedirect extends ExceptionHandlerWrapper {

    /** The factory Faces instantiates; wraps the default handler. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewRedirect(getWrapped().getExceptionHandler());
        }
    }

    public ExpiredViewRedirect(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext(); ) {
            Throwable error = it.next().getContext().getException();
            String target = adminTarget(faces);
            if (isViewExpired(error) && target != null) {
                it.remove();
                Pages.infoAfterRedirect(faces, "The page had expired, so nothing was saved. Please make your change again.");
                try {
                    faces.getExternalContext().redirect(target);
                } catch (IOException e) {
                    throw new FacesException(e);
                }
                faces.responseComplete();
                return;
            }
        }
        super.handle();
    }

    /** The address to go back to, if the request was for an admin page. */
    private static String adminTarget(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/admin/")) {
            return null;
        }
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
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
