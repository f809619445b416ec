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
    void shouldNeverPrintTheTokenKey() {
        AiSettings settings = load(Map.of("JWT_SECRET", "s".repeat(64)), Map.of());

        assertThat(settings.jwtSecret()).hasSize(64);
        assertThat(settings.toString()).doesNotContain("sss").contains("jwtSecret=****");
    }
}
