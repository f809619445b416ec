package io.botcore.platform.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * A bounded cache of serialized answers (JSON bytes) by key, in this process or in Redis. Values are
 * bytes so that both backends behave the same and the in-process bound is a real memory bound.
 *
 * <p>Implementations are thread-safe.
 */
public interface AnswerCache extends AutoCloseable {

    /** The cached value, or empty when absent, expired, or the backend cannot be reached. */
    Optional<byte[]> get(String key);

    /** Stores a value for at most {@code ttl} (capped at the configured TTL). */
    void put(String key, byte[] value, Duration ttl);

    /** Entries, size, hits and misses as seen by this process. */
    CacheState state();

    @Override
    void close();
}
