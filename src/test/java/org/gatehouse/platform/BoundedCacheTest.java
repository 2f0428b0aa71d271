package org.gatehouse.platform;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final BoundedCache<String, String> cache = new BoundedCache<>(100, Duration.ofSeconds(10), now::get);

    private Optional<String> get(String key) {
        return cache.get(key, k -> {
            loads.incrementAndGet();
            return k.startsWith("known") ? Optional.of(k.toUpperCase()) : Optional.empty();
        });
    }

    @Test
    void aFloodOfUnknownKeysNeverHoldsMoreThanTheBound() {
        for (int i = 0; i < 10_000; i++) {
            assertTrue(get("junk-" + i).isEmpty());
        }
        assertEquals(100, cache.size());
    }

    @Test
    void hitsAndMissesAreAnsweredFromMemoryUntilTheyAge() {
        assertEquals("KNOWN-1", get("known-1").orElseThrow());
        assertTrue(get("unknown").isEmpty());
        get("known-1");
        get("unknown");
        assertEquals(2, loads.get(), "one load per key");
        now.addAndGet(10_001);
        get("known-1");
        assertEquals(3, loads.get(), "an aged entry is loaded again");
    }

    @Test
    void evictionForcesTheNextLoad() {
        get("known-1");
        cache.evict("known-1");
        get("known-1");
        assertEquals(2, loads.get());
        cache.clear();
        get("known-1");
        assertEquals(3, loads.get());
    }

    @Test
    void theLeastRecentlyUsedEntryLeavesFirst() {
        for (int i = 0; i < 100; i++) {
            get("known-" + i);
        }
        get("known-0"); // used again: now the most recent
        get("known-new"); // pushes out known-1, the least recently used
        int before = loads.get();
        get("known-0");
        assertEquals(before, loads.get(), "known-0 stayed");
        get("known-1");
        assertEquals(before + 1, loads.get(), "known-1 was evicted");
    }

    @Test
    void putValuesArePeekedUntilTheyAgeAndPeekNeverLoads() {
        assertTrue(cache.peek("known-1").isEmpty(), "nothing there, and nothing loaded");
        assertEquals(0, loads.get());
        cache.put("ended", "yes");
        assertEquals("yes", cache.peek("ended").orElseThrow());
        assertEquals("yes", get("ended").orElseThrow(), "a put value answers get without a load");
        assertEquals(0, loads.get());
        now.addAndGet(10_001);
        assertTrue(cache.peek("ended").isEmpty(), "aged out");
        for (int i = 0; i < 1_000; i++) {
            cache.put("p-" + i, "v");
        }
        assertEquals(100, cache.size(), "puts are bounded like loads");
    }
}
