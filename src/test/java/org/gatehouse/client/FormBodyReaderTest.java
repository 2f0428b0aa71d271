package org.gatehouse.client;

import org.gatehouse.error.OAuthException;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Form bodies decoded strictly, the same on every server. */
class FormBodyReaderTest {

    private static MultivaluedMap<String, String> parse(String body) {
        return FormBodyReader.parse(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Test
    void decodesPairsPlusAndPercentEscapesAsUtf8() {
        MultivaluedMap<String, String> form = parse("grant_type=authorization_code&scope=a+b%20c&name=J%C3%BCrgen%F0%9F%94%91&empty=&flag&&x=1=2");
        assertEquals("authorization_code", form.getFirst("grant_type"));
        assertEquals("a b c", form.getFirst("scope"));
        assertEquals("Jürgen🔑", form.getFirst("name"));
        assertEquals("", form.getFirst("empty"));
        assertEquals("", form.getFirst("flag"));
        assertEquals("1=2", form.getFirst("x"));
        assertEquals(6, form.size());
    }

    @Test
    void keepsRepeatedNamesForTheRuleThatRefusesThem() {
        assertEquals(List.of("1", "2"), parse("a=1&a=2").get("a"));
    }

    @Test
    void anEmptyBodyHasNoParameters() {
        assertTrue(parse("").isEmpty());
    }

    @Test
    void malformedEscapesAndBytesAreTheClientsError() {
        for (String bad : new String[] {"code=%", "code=%4", "code=%zz", "c%g1de=x", "code=%C3%28", "code=%FF"}) {
            assertThrows(OAuthException.class, () -> parse(bad), bad);
        }
        byte[] notUtf8 = {'a', '=', (byte) 0xC3, (byte) 0x28};
        assertThrows(OAuthException.class, () -> FormBodyReader.parse(notUtf8, StandardCharsets.UTF_8));
    }
}
