package io.botcore.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.time.Duration;
import java.util.Optional;

/**
 * Answers held in this process by Caffeine, bounded by bytes ({@code max_size}): when the bound is
 * reached the least useful entries are evicted. Each entry expires after its own TTL, at most the
 * configured one.
 */
final class InProcessCache implements AnswerCache {

    /** Rough per-entry overhead of the map node, key object and value wrapper, in bytes. */
    static final int ENTRY_OVERHEAD = 96;

    private record Entry(byte[] value, long ttlNanos) {
    }

    private final Cache<String, Entry> cache;
    private final Duration maxTtl;
    private final long maxBytes;

    InProcessCache(Duration maxTtl, long maxBytes) {
        this.maxTtl = maxTtl;
        this.maxBytes = maxBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> weight(key, entry.value()))
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .recordStats()
                .build();
    }

    static int weight(String key, byte[] value) {
        return ENTRY_OVERHEAD + key.length() * 2 + value.length;
    }

    @Override
    public Optional<byte[]> get(String key) {
        Entry entry = cache.getIfPresent(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        Duration bounded = ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
        if (!bounded.isNegative() && !bounded.isZero()) {
            cache.put(key, new Entry(value.clone(), bounded.toNanos()));
        }
    }

    @Override
    public CacheState state() {
        cache.cleanUp();
        CacheStats stats = cache.stats();
        long bytes = cache.policy().eviction().flatMap(e -> e.weightedSize().stream().boxed().findFirst()).orElse(-1L);
        return new CacheState("memory", cache.estimatedSize(), bytes, maxBytes, maxTtl.toSeconds(), stats.hitCount(),
                stats.missCount(), true);
    }

    @Override
    public void close() {
        cache.invalidateAll();
    }
}
