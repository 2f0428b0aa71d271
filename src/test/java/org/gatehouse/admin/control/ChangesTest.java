package org.gatehouse.admin.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangesTest {

    @Test
    void onlyFieldsThatDifferAreWrittenOldToNew() {
        Changes.Snapshot before = Changes.snapshot().put("name", "Shop").put("enabled", true).put("ttl", null);
        Changes.Snapshot after = Changes.snapshot().put("name", "Shop 2").put("enabled", true).put("ttl", 300);
        assertEquals("name: \"Shop\" → \"Shop 2\"; ttl: (none) → 300", Changes.between(before, after));
    }

    @Test
    void setsCompareWithoutOrderListsWithOrderAndTheSnapshotIsACopy() {
        Set<String> scopes = new LinkedHashSet<>(List.of("b", "a"));
        List<String> uris = new ArrayList<>(List.of("https://a/cb", "https://b/cb"));
        Changes.Snapshot before = Changes.snapshot().put("scopes", scopes).put("uris", uris);
        scopes.add("c"); // the entity's collection changing later does not alter what was taken
        uris.clear();
        Changes.Snapshot after = Changes.snapshot().put("scopes", Set.of("a", "b")).put("uris", List.of("https://b/cb", "https://a/cb"));
        assertEquals("uris: [https://a/cb https://b/cb] → [https://b/cb https://a/cb]", Changes.between(before, after));
    }

    @Test
    void notesFollowAndNothingChangedIsSaid() {
        Changes.Snapshot same = Changes.snapshot().put("name", "x");
        assertEquals("no field changed; secret generated", Changes.between(same, Changes.snapshot().put("name", "x"), "secret generated", null));
    }

    @Test
    void longValuesAreCut() {
        String result = Changes.between(Changes.snapshot().put("d", "a"), Changes.snapshot().put("d", "x".repeat(500)));
        assertTrue(result.length() < 2 * Changes.MAX_VALUE + 20, result);
        assertTrue(result.endsWith("…"), result);
    }
}
