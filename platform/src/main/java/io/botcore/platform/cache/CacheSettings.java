package io.botcore.platform.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The manual's {@code [cache]} keys plus {@code REDIS_URL}.
 *
 * @param enabled false turns every lookup into a miss and every write into a no-op
 * @param ttl longest time an answer is kept
 * @param maxBytes memory bound of the in-process cache
 * @param redisUrl when set, answers live in Redis (shared by every instance) instead of in-process
 * @param namespace key prefix, e.g. {@code bot-core:engine:}, so services never read each other's keys
 */
public record CacheSettings(boolean enabled, Duration ttl, long maxBytes, URI redisUrl, String namespace) {

    public CacheSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(namespace, "namespace");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1");
        }
    }
}
