package org.gatehouse.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import org.gatehouse.error.OAuthException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The one reader of {@code application/x-www-form-urlencoded} bodies for the protocol endpoints
 * (token, revocation, introspection, the authorization and end-session POSTs), in place of the
 * JAX-RS implementation's, so every server decodes them the same way and strictly (WHATWG URL
 * §5.1: {@code &}-separated pairs, {@code +} is a space, percent-escapes are UTF-8): a body that
 * is not that encoding (a stray {@code %}, an escape that is not hex, bytes that are not UTF-8)
 * is the client's error, {@code invalid_request} (400), and one larger than {@value #MAX_BODY}
 * bytes a 413; never a 500. Values are length-checked afterwards by
 * {@link FormParameters} and {@link ParameterLimits}.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormBodyReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    /** Far more than any request of this server needs (the longest values are hints and assertions of a few KB). */
    static final int MAX_BODY = 256 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MultivaluedMap.class;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
                                                   Annotation[] annotations, MediaType mediaType,
                                                   MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return parse(read(body), charset(mediaType));
    }

    private static byte[] read(InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = body.read(buffer)) != -1; ) {
            if (out.size() + n > MAX_BODY) {
                throw new WebApplicationException(413);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The charset the body's bytes are in (UTF-8 unless the type names another; error.MalformedRequestFilter allows three). */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw OAuthException.invalidRequest("Unsupported charset");
        }
    }

    /** The pairs of a form body; repeated names keep every value (FormParameters refuses them). */
    static MultivaluedMap<String, String> parse(byte[] body, Charset charset) {
        String text = decode(body, charset);
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = unescape(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
            form.add(name, value);
        }
        return form;
    }

    /** {@code +} to space, {@code %XX} to bytes, the bytes as strict UTF-8. */
    static String unescape(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                if (lo < 0) {
                    throw OAuthException.invalidRequest("The request body is not valid form encoding");
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = i;
                while (end < s.length() && s.charAt(end) != '%' && s.charAt(end) != '+') {
                    end++;
                }
                byte[] run = s.substring(i, end).getBytes(StandardCharsets.UTF_8); // whole runs: surrogate pairs stay whole
                bytes.write(run, 0, run.length);
                i = end;
            }
        }
        return decode(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw OAuthException.invalidRequest("The request body is not valid " + charset.name());
        }
    }
}
