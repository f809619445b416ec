package io.botcore.platform.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Optional;

/** Builds the cache a service's settings ask for and publishes its metrics. */
public final class AnswerCaches {

    private AnswerCaches() {
    }

    public static AnswerCache create(CacheSettings settings, MeterRegistry registry) {
        AnswerCache cache = !settings.enabled() ? new Disabled(settings.ttl())
                : settings.redisUrl() != null ? new RedisCache(settings.redisUrl(), settings.namespace(), settings.ttl())
                : new InProcessCache(settings.ttl(), settings.maxBytes());
        bind(cache, registry);
        return cache;
    }

    private static void bind(AnswerCache cache, MeterRegistry registry) {
        String backend = cache.state().backend();
        Gauge.builder("bot_core.cache.entries", cache, c -> c.state().entries()).tag("backend", backend)
                .description("Cached answers now (-1 when the backend cannot tell)").register(registry);
        Gauge.builder("bot_core.cache.size", cache, c -> c.state().bytes()).baseUnit("bytes").tag("backend", backend)
                .description("Bytes held by the in-process cache").register(registry);
        FunctionCounter.builder("bot_core.cache.requests", cache, c -> c.state().hits()).tag("result", "hit")
                .tag("backend", backend).description("Cache lookups by result").register(registry);
        FunctionCounter.builder("bot_core.cache.requests", cache, c -> c.state().misses()).tag("result", "miss")
                .tag("backend", backend).description("Cache lookups by result").register(registry);
    }

    /** {@code cache.enabled = false}: every lookup misses, nothing is kept. */
    private record Disabled(Duration ttl) implements AnswerCache {
        @Override
        public Optional<byte[]> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, byte[] value, Duration ttl) {
            // caching is switched off by configuration: nothing to keep
        }

        @Override
        public CacheState state() {
            return new CacheState("disabled", 0, 0, 0, ttl.toSeconds(), 0, 0, true);
        }

        @Override
        public void close() {
            // holds nothing
        }
    }
}
