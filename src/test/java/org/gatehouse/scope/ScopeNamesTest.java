package org.gatehouse.scope;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeNamesTest {

    @Test
    void theReservedNamesAreExactlyTheRolesOfWebXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document webXml = factory.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        NodeList names = webXml.getElementsByTagNameNS("*", "role-name");
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < names.getLength(); i++) {
            roles.add(names.item(i).getTextContent().trim());
        }
        assertEquals(ScopeNames.RESERVED, roles, "declared security roles and auth-constraint roles");
    }

    @Test
    void roleNamesCannotBeScopesInAnyCase() {
        for (String name : new String[] {"admin", "user", "Admin", "USER"}) {
            assertTrue(ScopeNames.problem(name).orElse("").contains("reserved"), name);
        }
    }

    @Test
    void scopeTokensAreAcceptedAndOthersNot() {
        assertTrue(ScopeNames.problem("notes:read").isEmpty());
        assertTrue(ScopeNames.problem("admin:read").isEmpty());
        assertTrue(ScopeNames.problem("users").isEmpty());
        assertFalse(ScopeNames.problem("a b").isEmpty());
        assertFalse(ScopeNames.problem("a\"b").isEmpty());
        assertFalse(ScopeNames.problem("").isEmpty());
        assertFalse(ScopeNames.problem(null).isEmpty());
        assertFalse(ScopeNames.problem("x".repeat(101)).isEmpty());
    }
}
