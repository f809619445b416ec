package io.botcore.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.ConfigLoader;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiSettingsTest {

    private static AiSettings load(Map<String, String> env, Map<String, String> flags) {
        return AiSettings.from(ConfigLoader.load(null, AiSettings.SETTINGS, env, flags));
    }

    @Test
    void shouldCacheInProcessByDefaultAndInRedisWhenRedisUrlIsSet() {
        assertThat(load(Map.of(), Map.of()).cache().redisUrl()).isNull();
        assertThat(load(Map.of("REDIS_URL", "redis://cache:6379"), Map.of()).cache().redisUrl())
                .isEqualTo(URI.create("redis://cache:6379"));
        assertThat(load(Map.of("REDIS_URL", "redis://cache:6379"), Map.of("cache.backend", "memory")).cache()
                .redisUrl()).isNull();
    }

    @Test
    void shouldRequireRedisUrlWhenRedisIsChosen() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("cache.backend", "redis")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldExplainOnlyWhenBothTheEndpointAndItsKeyAreSet() {
        assertThat(load(Map.of(), Map.of()).explanation()).isNull();
        AiSettings on = load(Map.of("AI_EXPLAIN_URL", "http://127.0.0.1:9/v1", "AI_EXPLAIN_API_KEY", "k"), Map.of());
        assertThat(on.explanation().url()).isEqualTo(URI.create("http://127.0.0.1:9/v1"));
        assertThat(on.explanation().timeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(on.toString()).doesNotContain("=k,");
        assertThatThrownBy(() -> load(Map.of("AI_EXPLAIN_URL", "http://127.0.0.1:9/v1"), Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldNeverPrintTheTokenKey() {
        AiSettings settings = load(Map.of("JWT_SECRET", "s".repeat(64)), Map.of());

        assertThat(settings.jwtSecret()).hasSize(64);
        assertThat(settings.toString()).doesNotContain("sss").contains("jwtSecret=****");
    }
}
