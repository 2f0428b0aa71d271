package org.gatehouse.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.admin.control.AuditQuery;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.audit.AuditType;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** Backs {@code admin/audit.xhtml}: the audit log, newest first, filtered by type and text. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    @Inject
    AuditQuery query;

    private String type;
    private QueryModel<AuditEvent> model;

    @PostConstruct
    void init() {
        AuditQuery q = query;
        model = new QueryModel<>(text -> q.count(type, text), (text, sort, first, max) -> q.page(type, text, sort, first, max),
                e -> String.valueOf(e.getId()));
    }

    public List<String> getTypes() {
        return Arrays.stream(AuditType.values()).map(Enum::name).sorted().toList();
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public QueryModel<AuditEvent> getModel() { return model; }

    /** The search box: re-query from the first page. */
    public void search() {
        Pages.firstPage(FacesContext.getCurrentInstance(), "list:table");
    }
}
