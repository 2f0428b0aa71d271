package org.gatehouse.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.gatehouse.admin.control.Actor;
import org.gatehouse.admin.control.InvalidInput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What every admin backing needs from Faces: the acting admin, messages, redirects. */
final class Pages {

    private Pages() {
    }

    static Actor actor(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        return new Actor(external.getUserPrincipal() == null ? "?" : external.getUserPrincipal().getName(), request.getRemoteAddr());
    }

    /** Puts each problem next to its field ({@code formId:field}), form-wide ones at the top. */
    static void show(FacesContext faces, String formId, InvalidInput problem) {
        problem.problems().forEach((field, messages) -> messages.forEach(m -> faces.addMessage(
                field.isEmpty() ? null : formId + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, m, null))));
        if (problem.problems().keySet().stream().anyMatch(f -> !f.isEmpty())) {
            error(faces, "Nothing was saved: please correct the fields marked below.");
        }
    }

    static void error(FacesContext faces, String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    static void info(FacesContext faces, String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    /** A message that survives the redirect that follows (POST-redirect-GET). */
    static void infoAfterRedirect(FacesContext faces, String message) {
        info(faces, message);
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    /** After a new search the table starts again at its first page. */
    static void firstPage(FacesContext faces, String tableId) {
        if (faces.getViewRoot().findComponent(tableId) instanceof org.primefaces.component.datatable.DataTable table) {
            table.setFirst(0);
        }
    }

    static String redirect(String view, String param, Object value) {
        return view + "?faces-redirect=true&" + param + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
