package org.gatehouse.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small in-memory cache bounded in size (least recently used entries go first) and in age
 * (an entry older than {@code maxAge} is loaded again). Misses are cached too, as empty values,
 * within the same bound, so a flood of unknown keys costs one load each and never more memory
 * than {@code maxEntries}. Every cache in Gatehouse is one of these (docs/architecture.md).
 */
public final class BoundedCache<K, V> {

    private record Entry<V>(Optional<V> value, long loadedAt) {
    }

    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final LinkedHashMap<K, Entry<V>> entries;

    public BoundedCache(int maxEntries, Duration maxAge) {
        this(maxEntries, maxAge, System::currentTimeMillis);
    }

    BoundedCache(int maxEntries, Duration maxAge, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > BoundedCache.this.maxEntries;
            }
        };
    }

    /**
     * The cached value, or what {@code loader} answers (empty for "there is none"). The loader
     * runs outside the lock; two threads missing the same key at once may both load it.
     */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long now = clock.getAsLong();
        Entry<V> e = fresh(key, now);
        if (e != null) {
            return e.value();
        }
        Optional<V> loaded = loader.apply(key);
        synchronized (entries) {
            entries.put(key, new Entry<>(loaded, now));
        }
        return loaded;
    }

    /** The cached value if there is a fresh one; never loads. */
    public Optional<V> peek(K key) {
        Entry<V> e = fresh(key, clock.getAsLong());
        return e == null ? Optional.empty() : e.value();
    }

    /** The entry for {@code key} if it is younger than the maximum age at {@code now}. */
    private Entry<V> fresh(K key, long now) {
        Entry<V> e;
        synchronized (entries) {
            e = entries.get(key);
        }
        return e != null && now - e.loadedAt() < maxAgeMillis ? e : null;
    }

    /** Caches {@code value} for {@code key} as if it had just been loaded. */
    public void put(K key, V value) {
        long now = clock.getAsLong();
        synchronized (entries) {
            entries.put(key, new Entry<>(Optional.of(value), now));
        }
    }

    public void evict(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
