package org.gatehouse.admin.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditType;
import org.gatehouse.bootstrap.ConfigurationExport;
import org.gatehouse.platform.RequestOrigin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin/export}: scopes, clients and accounts as an import file, downloaded (admins
 * only: the {@code /admin/*} security constraint). Nothing secret is in it
 * ({@code bootstrap.ConfigurationExport}); a read, so a GET, and a cross-site page cannot read the
 * answer. Each export is audited.
 */
@WebServlet("/admin/export")
public class ConfigurationExportServlet extends HttpServlet {

    @Inject
    ConfigurationExport export;

    @Inject
    AuditLog audit;

    @Inject
    RequestOrigin origin;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = export.export().getBytes(StandardCharsets.UTF_8);
        String who = request.getUserPrincipal() == null ? "?" : request.getUserPrincipal().getName();
        audit.record(AuditType.CONFIGURATION_EXPORTED, who, "scopes, clients, accounts", null, origin.address(request));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"gatehouse-import.json\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
