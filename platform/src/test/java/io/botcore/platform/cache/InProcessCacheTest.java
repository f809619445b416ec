package io.botcore.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class InProcessCacheTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldReturnWhatWasStoredAndCountHitsAndMisses() {
        try (AnswerCache cache = memory(Duration.ofMinutes(5), 1 << 20)) {
            cache.put("candles:BTCUSDT:1h", bytes("[1,2,3]"), Duration.ofMinutes(1));

            assertThat(cache.get("candles:BTCUSDT:1h")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("[1,2,3]")));
            assertThat(cache.get("candles:ETHUSDT:1h")).isEmpty();
            CacheState state = cache.state();
            assertThat(state.backend()).isEqualTo("memory");
            assertThat(state.entries()).isEqualTo(1);
            assertThat(state.hits()).isEqualTo(1);
            assertThat(state.misses()).isEqualTo(1);
            assertThat(state.bytes()).isEqualTo(InProcessCache.weight("candles:BTCUSDT:1h", bytes("[1,2,3]")));
            assertThat(registry.get("bot_core.cache.requests").tag("result", "hit").functionCounter().count()).isEqualTo(1);
        }
    }

    @Test
    void shouldExpireAnEntryAfterItsTtl() {
        try (AnswerCache cache = memory(Duration.ofMinutes(5), 1 << 20)) {
            cache.put("short", bytes("x"), Duration.ofMillis(50));

            await().atMost(Duration.ofSeconds(2)).until(() -> cache.get("short").isEmpty());
        }
    }

    @Test
    void shouldCapAnEntrysTtlAtTheConfiguredTtl() {
        try (AnswerCache cache = memory(Duration.ofMillis(100), 1 << 20)) {
            cache.put("long", bytes("x"), Duration.ofHours(1));

            await().atMost(Duration.ofSeconds(2)).until(() -> cache.get("long").isEmpty());
        }
    }

    @Test
    void shouldStayWithinItsMemoryBound() {
        long maxBytes = 64 * 1024;
        try (AnswerCache cache = memory(Duration.ofMinutes(5), maxBytes)) {
            byte[] value = new byte[1024];
            for (int i = 0; i < 1000; i++) {
                cache.put("key-" + i, value, Duration.ofMinutes(1));
            }

            CacheState state = cache.state();
            assertThat(state.bytes()).isLessThanOrEqualTo(maxBytes).isGreaterThan(maxBytes / 2);
            assertThat(state.entries()).isLessThan(64);
        }
    }

    @Test
    void shouldKeepNothingWhenDisabled() {
        try (AnswerCache cache = AnswerCaches.create(new CacheSettings(false, Duration.ofMinutes(5), 1 << 20, null,
                "test:"), registry)) {
            cache.put("k", bytes("v"), Duration.ofMinutes(1));

            assertThat(cache.get("k")).isEmpty();
            assertThat(cache.state().backend()).isEqualTo("disabled");
        }
    }

    private AnswerCache memory(Duration ttl, long maxBytes) {
        return AnswerCaches.create(new CacheSettings(true, ttl, maxBytes, null, "test:"), registry);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
