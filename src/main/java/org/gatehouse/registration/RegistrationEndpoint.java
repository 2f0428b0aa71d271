package org.gatehouse.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gatehouse.error.OAuthException;
import org.gatehouse.platform.RequestOrigin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /oauth2/register} (RFC 7591 §3) and {@code GET/PUT/DELETE /oauth2/register/{client_id}}
 * (RFC 7592 §2) with the registration access token as a bearer token. Thin: reads the body
 * (at most {@link RegistrationMetadata#MAX_BODY_BYTES}, UTF-8, JSON only), hands it to
 * {@link Registrations}, writes the answer uncached (RFC 7591 §3.2.1). Errors are the OAuth JSON
 * of {@code error.OAuthErrorMapper}.
 */
@Path("register")
@ApplicationScoped
public class RegistrationEndpoint {

    @Inject
    Registrations registrations;

    @Inject
    RequestOrigin origin;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(InputStream body, @HeaderParam("Authorization") String authorization,
                             @Context HttpServletRequest request) {
        return answer(registrations.register(read(body), authorization, origin.address(request)));
    }

    /** Anything but JSON is not client metadata (RFC 7591 §3.2.2). */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerNotJson() {
        throw OAuthException.invalidClientMetadata("The registration request must be application/json");
    }

    @GET
    @Path("{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("clientId") String clientId, @HeaderParam("Authorization") String authorization) {
        return answer(registrations.read(clientId, authorization));
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("clientId") String clientId, InputStream body,
                           @HeaderParam("Authorization") String authorization, @Context HttpServletRequest request) {
        return answer(registrations.update(clientId, authorization, read(body), origin.address(request)));
    }

    @PUT
    @Path("{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateNotJson() {
        throw OAuthException.invalidClientMetadata("The update request must be application/json");
    }

    @DELETE
    @Path("{clientId}")
    public Response delete(@PathParam("clientId") String clientId, @HeaderParam("Authorization") String authorization,
                           @Context HttpServletRequest request) {
        registrations.delete(clientId, authorization, origin.address(request));
        return Response.noContent().header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private static Response answer(Registrations.Answer a) {
        return Response.status(a.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(a.json())
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** The body as UTF-8 text, refused unread beyond the limit and if it is not UTF-8. */
    static String read(InputStream in) {
        if (in == null) {
            return "";
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > RegistrationMetadata.MAX_BODY_BYTES) {
                    throw OAuthException.invalidClientMetadata(
                            "The request body must not be larger than " + RegistrationMetadata.MAX_BODY_BYTES / 1024 + " KiB");
                }
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw OAuthException.invalidClientMetadata("The request body must be UTF-8");
        } catch (IOException e) {
            throw OAuthException.invalidClientMetadata("The request body could not be read");
        }
    }
}
