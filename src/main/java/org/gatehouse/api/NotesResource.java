package org.gatehouse.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gatehouse.error.OAuthErrorMapper;

import java.io.StringReader;
import java.time.Clock;

/**
 * {@code /api/notes}: the account's notes. Reading needs {@code notes:read}; creating and
 * deleting need {@code notes:write}. A note of another account is "not found". Notes belong to
 * an account, so a client's own token (client_credentials) is refused by {@link ApiCaller#account()}.
 */
@Path("notes")
@ApplicationScoped
public class NotesResource {

    private static final int MAX_LENGTH = 4000;

    @Inject
    ApiCaller caller;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @GET
    @RequiresScope("notes:read")
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        long accountId = caller.account().id();
        JsonArrayBuilder notes = JsonSupport.PROVIDER.createArrayBuilder();
        em.createQuery("select n from Note n where n.accountId = :a order by n.id", Note.class)
                .setParameter("a", accountId).getResultList().forEach(n -> notes.add(json(n)));
        return JsonSupport.PROVIDER.createObjectBuilder().add("notes", notes).build().toString();
    }

    @POST
    @RequiresScope("notes:write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(String body) {
        long accountId = caller.account().id();
        String text = text(body);
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return OAuthErrorMapper.json(400, "invalid_request", "Send a JSON object {\"text\": \"...\"} with 1 to 4000 characters", null);
        }
        Note note = new Note(accountId, text, clock.instant());
        em.persist(note);
        em.flush();
        return Response.status(201).entity(json(note).toString()).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresScope("notes:write")
    @Transactional
    public Response delete(@PathParam("id") long id) {
        int deleted = em.createQuery("delete from Note n where n.id = :id and n.accountId = :a")
                .setParameter("id", id).setParameter("a", caller.account().id()).executeUpdate();
        return deleted == 1 ? Response.noContent().build()
                : OAuthErrorMapper.json(404, "not_found", "There is no such note", null);
    }

    private static String text(String body) {
        try {
            JsonObject json = JsonSupport.PROVIDER.createReader(new StringReader(body == null ? "" : body)).readObject();
            JsonValue text = json.get("text");
            return text instanceof JsonString s ? s.getString() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static JsonObject json(Note n) {
        return JsonSupport.PROVIDER.createObjectBuilder().add("id", n.getId()).add("text", n.getText())
                .add("created_at", n.getCreatedAt().toString()).build();
    }
}
