package io.botcore.ai;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.botcore.ai.testdata.TestTokens;
import io.botcore.platform.config.ConfigLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AiServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private ConfigurableApplicationContext ai;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        AiSettings settings = AiSettings.from(ConfigLoader.load(null, AiSettings.SETTINGS,
                Map.of("DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_test", "JWT_SECRET",
                        TestTokens.SECRET),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString(),
                        "cache.ttl", "120")));
        ai = AiApplication.start(settings);
        base = URI.create("http://127.0.0.1:" + ai.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        ai.close();
        mongo.shutdownNow();
    }

    @Test
    void shouldBeHealthyWithItsDatabase() throws Exception {
        HttpResponse<String> response = get("/health");
        JsonNode body = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("status").asString()).isEqualTo("healthy");
        assertThat(body.path("service").asString()).isEqualTo("ai");
        assertThat(body.path("components").path("database").path("status").asString()).isEqualTo("healthy");
    }

    @Test
    void shouldSayHonestlyThatNoModelIsTrained() throws Exception {
        HttpResponse<String> response = get("/api/ai/status");
        JsonNode data = JSON.readTree(response.body()).path("data");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(data.path("model").path("state").asString()).isEqualTo("none");
        assertThat(data.path("model").path("active_version").isNull()).isTrue();
        assertThat(data.path("cache").path("ttl_s").asLong()).isEqualTo(120);
        assertThat(data.path("cache").path("backend").asString()).isEqualTo("memory");
        assertThat(data.path("cache").path("max_bytes").asLong()).isEqualTo(256L << 20);
        assertThat(data.path("uptime_s").isIntegralNumber()).isTrue();
        assertThat(data.path("database").path("status").asString()).isEqualTo("healthy");
    }

    @Test
    void shouldExposeMetricsTaggedWithTheService() throws Exception {
        get("/health");

        assertThat(get("/metrics").body())
                .containsPattern("http_server_requests_seconds_bucket\\{.*service=\"ai\".*uri=\"/health\".*le=\"0\\.005\"\\}")
                .contains("bot_core_component_up{component=\"database\",critical=\"true\",service=\"ai\"} 1.0");
    }

    @Test
    void shouldLogRequestsAtTheDefaultLevel() throws Exception {
        get("/health");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                java.nio.file.Files.readString(dir.resolve("ai.log")).contains("INFO  ai http - GET /health 200 duration: "));
    }

    @Test
    void shouldRefuseEveryOtherPath() throws Exception {
        assertThat(get("/api/ai/analyze").statusCode()).isEqualTo(401);
        assertThat(get("/anything").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer503RatherThanGuessWithoutAModel() throws Exception {
        String token;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort())) {
            token = TestTokens.token(TestTokens.user(client.getDatabase("bot_core_test"), true), 0, TestTokens.SECRET);
        }

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/ai/analyze"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\": \"BTCUSDT\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").asString()).startsWith("no model to answer with: no model has been promoted");
        assertThat(body.has("data")).isFalse();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
