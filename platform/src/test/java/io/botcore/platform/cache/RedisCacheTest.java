package io.botcore.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real redis-server (Debian package, installed by ./bot-core test). */
class RedisCacheTest {

    private static final Path REDIS = Path.of("/usr/bin/redis-server");

    @TempDir
    Path dir;

    private int port;
    private Process redis;

    @BeforeEach
    void startRedis() throws IOException {
        assertThat(REDIS).as("redis-server (Debian package redis-server; ./bot-core test installs it)").isExecutable();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = start();
    }

    @AfterEach
    void stopRedis() throws InterruptedException {
        redis.destroy();
        redis.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldShareAnswersBetweenInstancesAndExpireThemInRedis() {
        URI url = URI.create("redis://127.0.0.1:" + port);
        try (AnswerCache a = redisCache(url, "bot-core:engine:"); AnswerCache b = redisCache(url, "bot-core:engine:");
                AnswerCache ai = redisCache(url, "bot-core:ai:")) {
            a.put("candles", "[1]".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(300));

            assertThat(b.get("candles")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("[1]"));
            assertThat(ai.get("candles")).as("another service's namespace").isEmpty();
            await().atMost(Duration.ofSeconds(3)).until(() -> b.get("candles").isEmpty());
            assertThat(b.state().reachable()).isTrue();
        }
    }

    @Test
    void shouldMissWhileRedisIsDownAndRecoverWhenItReturns() throws Exception {
        try (AnswerCache cache = redisCache(URI.create("redis://127.0.0.1:" + port), "bot-core:engine:")) {
            cache.put("k", "v".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);

            assertThat(cache.get("k")).isEmpty();
            assertThat(cache.state().reachable()).isFalse();

            redis = start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                cache.put("k2", "v2".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
                return cache.get("k2").isPresent();
            });
            assertThat(cache.state().reachable()).isTrue();
        }
    }

    private AnswerCache redisCache(URI url, String namespace) {
        return AnswerCaches.create(new CacheSettings(true, Duration.ofMinutes(5), 1 << 20, url, namespace),
                new SimpleMeterRegistry());
    }

    private Process start() throws IOException {
        Process process = new ProcessBuilder(REDIS.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(Files.createTempFile(dir, "redis", ".log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }
}
