package io.botcore.platform.cache;

/**
 * What {@code /api/health} and {@code /api/ai/status} show about the cache.
 *
 * @param backend {@code memory}, {@code redis} or {@code disabled}
 * @param entries cached answers now (-1 when the backend cannot tell)
 * @param bytes approximate bytes held (in-process only; -1 otherwise)
 * @param maxBytes upper bound of {@code bytes} (in-process only; -1 otherwise)
 * @param ttlSeconds longest time an answer is kept
 * @param hits lookups answered from the cache since start
 * @param misses lookups that were not
 * @param reachable false when Redis cannot be reached (lookups then miss and writes are dropped)
 */
public record CacheState(String backend, long entries, long bytes, long maxBytes, long ttlSeconds, long hits,
        long misses, boolean reachable) {
}
