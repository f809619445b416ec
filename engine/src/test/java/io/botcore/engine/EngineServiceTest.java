package io.botcore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.exchange.fake.FakeBinanceServer;
import io.botcore.platform.config.ConfigLoader;
import io.botcore.platform.mongo.DatabaseSettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine started as the launcher starts it, on a random port, against a MongoDB wire-protocol server,
 * the local fake Binance and an AI service that is not running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "engine-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    @TempDir
    static Path logs;

    private MongoServer mongo;
    private int mongoPort;
    private FakeBinanceServer binance;
    private ConfigurableApplicationContext engine;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        mongoPort = mongo.bind().getPort();
        binance = FakeBinanceServer.start(0, Clock.systemUTC());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("JWT_SECRET", SECRET,
                "DATABASE_URL", "mongodb://127.0.0.1:" + mongoPort + "/bot_core_test",
                "BINANCE_BASE_URL", binance.baseUrl().toString(),
                "AI_SERVICE_URL", "http://127.0.0.1:" + closedPort);
        EngineSettings loaded = EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS, env,
                Map.of("server.port", "0", "logging.dir", logs.toString(), "paths.data_dir", logs.resolve("data").toString(),
                        "database.connection_timeout", "2", "server.workers", "6", "server.max_connections", "1500",
                        "server.keep_alive", "45")));
        engine = EngineApplication.start(loaded);
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        engine.close();
        binance.close();
        mongo.shutdownNow();
    }

    @Test
    void shouldReportDegradedWhileTheAiServiceIsDownButTheDatabaseIsUp() throws Exception {
        HttpResponse<String> response = get("/api/health");
        JsonNode body = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("status").asString()).isEqualTo("degraded");
        assertThat(body.path("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(body.path("uptime_s").isIntegralNumber()).isTrue();
        assertThat(body.path("components").path("database").path("status").asString()).isEqualTo("healthy");
        assertThat(body.path("components").path("database").path("latency_ms").isNumber()).isTrue();
        assertThat(body.path("components").path("ai_service").path("status").asString()).isEqualTo("unhealthy");
        assertThat(body.path("components").path("ai_signals").path("status").asString()).isEqualTo("healthy");
        assertThat(body.path("components").path("ai_signals").path("in_use").asBoolean()).isFalse();
        assertThat(body.path("components").path("exchange").path("status").asString()).isEqualTo("healthy");
        assertThat(body.path("components").path("cache").path("backend").asString()).isEqualTo("memory");
        assertThat(body.path("components").path("cache").path("status").asString()).isEqualTo("healthy");
    }

    @Test
    void shouldSizeTheHttpServerFromTheServerSection() {
        org.apache.coyote.AbstractProtocol<?> protocol = (org.apache.coyote.AbstractProtocol<?>)
                ((org.springframework.boot.tomcat.TomcatWebServer) ((org.springframework.boot.web.server.context
                        .WebServerApplicationContext) engine).getWebServer()).getTomcat().getConnector().getProtocolHandler();

        assertThat(protocol.getMaxThreads()).isEqualTo(6);
        assertThat(protocol.getMaxConnections()).isEqualTo(1500);
        assertThat(protocol.getKeepAliveTimeout()).isEqualTo(45_000);
    }

    @Test
    void shouldCreateTheManualsIndexesIdempotently() {
        try (MongoClient client = io.botcore.platform.mongo.MongoClients.create(
                DatabaseSettings.of("mongodb://127.0.0.1:" + mongoPort), new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            MongoDatabase db = client.getDatabase("bot_core_test");
            io.botcore.engine.persistence.Indexes.ensure(db);

            assertThat(keys(db, "trades")).containsExactlyInAnyOrder("{\"_id\": 1}",
                    "{\"user_id\": 1, \"timestamp\": -1}", "{\"symbol\": 1, \"timestamp\": -1}",
                    "{\"status\": 1, \"timestamp\": -1}", "{\"bot_id\": 1, \"timestamp\": -1}");
            assertThat(keys(db, "orders")).containsExactlyInAnyOrder("{\"_id\": 1}", "{\"client_order_id\": 1}",
                    "{\"user_id\": 1, \"timestamp\": -1}", "{\"bot_id\": 1, \"timestamp\": -1}");
            assertThat(keys(db, "users")).containsExactlyInAnyOrder("{\"_id\": 1}", "{\"email\": 1}",
                    "{\"created_at\": -1}");
            assertThat(keys(db, "market_data")).containsExactlyInAnyOrder("{\"_id\": 1}",
                    "{\"symbol\": 1, \"timestamp\": -1}", "{\"timestamp\": -1}");
            Document ttl = db.getCollection("market_data").listIndexes().into(new ArrayList<>()).stream()
                    .filter(i -> i.get("key", Document.class).toJson().equals("{\"timestamp\": -1}")).findFirst().orElseThrow();
            assertThat(((Number) ttl.get("expireAfterSeconds")).longValue()).isEqualTo(2_592_000L);
            Document email = db.getCollection("users").listIndexes().into(new ArrayList<>()).stream()
                    .filter(i -> i.get("key", Document.class).toJson().equals("{\"email\": 1}")).findFirst().orElseThrow();
            assertThat(email.getBoolean("unique")).isTrue();
            Document clientOrderId = db.getCollection("orders").listIndexes().into(new ArrayList<>()).stream()
                    .filter(i -> i.get("key", Document.class).toJson().equals("{\"client_order_id\": 1}"))
                    .findFirst().orElseThrow();
            assertThat(clientOrderId.getBoolean("unique")).isTrue();
        }
    }

    @Test
    void shouldPingBinanceAndReportLatencyAndClockSkew() throws Exception {
        HttpResponse<String> response = get("/api/v1/binance/ping");
        JsonNode body = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("status").asString()).isEqualTo("ok");
        assertThat(body.path("latency_ms").asDouble()).isPositive();
        assertThat(Instant.parse(body.path("server_time").asString())).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(Duration.ofSeconds(10).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
        assertThat(Math.abs(body.path("clock_skew_ms").asLong())).isLessThan(1000);
    }

    @Test
    void shouldAnswerUnreachableWithinFiveSecondsWhenBinanceHangs() throws Exception {
        binance.delay("/api/v3/ping", Duration.ofSeconds(30));
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = get("/api/v1/binance/ping");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).path("status").asString()).isEqualTo("unreachable");
            assertThat(JSON.readTree(response.body()).path("error").asString()).contains("/api/v3/ping within 2000 ms");
            assertThat(elapsedMs).isLessThan(5000);
        } finally {
            binance.heal();
        }
    }

    @Test
    void shouldExposePrometheusMetricsWithLatencyBucketsAndBuildInfo() throws Exception {
        get("/api/health");
        String metrics = get("/metrics").body();

        assertThat(metrics).contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_bucket\\{.*uri=\"/api/health\".*le=\"0\\.005\"\\}")
                .containsPattern("http_server_requests_seconds_bucket\\{.*le=\"1\\.0\"\\}")
                .containsPattern("bot_core_build_info\\{.*version=\"\\d")
                .contains("bot_core_component_up{component=\"database\",critical=\"true\",service=\"engine\"} 1.0")
                .contains("jvm_memory_used_bytes").contains("process_resident_memory_bytes")
                .contains("process_cpu_usage").contains("process_uptime_seconds").contains("disk_free_bytes")
                .contains("mongodb_driver_commands_seconds_bucket").contains("mongodb_driver_pool_size");
    }

    @Test
    void shouldLogEveryRequestWithItsDurationAndNeverASecret() throws Exception {
        get("/api/health?token=" + SECRET);
        get("/api/" + SECRET);

        Path log = logs.resolve("engine.log");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).contains("GET /api/**** 401"));
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  engine http - "
                + "GET /api/health 200 duration: \\d+ms"));
        assertThat(String.join("\n", lines)).doesNotContain(SECRET);
    }

    @Test
    void shouldDeleteMarketDataOlderThanThirtyDays() {
        MongoDatabase db = engine.getBean(MongoDatabase.class);
        Instant now = Instant.now();
        db.getCollection("market_data").insertMany(List.of(
                new Document("symbol", "BTCUSDT").append("timestamp", Date.from(now.minus(Duration.ofDays(31)))),
                new Document("symbol", "BTCUSDT").append("timestamp", Date.from(now.minus(Duration.ofDays(29))))));

        long deleted = engine.getBean(io.botcore.engine.persistence.MarketDataRetention.class).purgeOlderThanTtl();

        assertThat(deleted).isEqualTo(1);
        assertThat(db.getCollection("market_data").countDocuments()).isEqualTo(1);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void shouldTurnUnhealthyWithinFiveSecondsOfLosingTheDatabaseAndRecover() throws Exception {
        mongo.shutdownNow();
        long lost = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/health").statusCode() == 503);
        assertThat(JSON.readTree(get("/api/health").body()).path("status").asString()).isEqualTo("unhealthy");
        assertThat((System.nanoTime() - lost) / 1_000_000).isLessThan(5000);

        mongo = new MongoServer(new MemoryBackend());
        mongo.bind(new InetSocketAddress("127.0.0.1", mongoPort));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/health").statusCode() == 200);
        assertThat(JSON.readTree(get("/api/health").body()).path("components").path("database").path("status")
                .asString()).isEqualTo("healthy");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> keys(MongoDatabase db, String collection) {
        return db.getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
                .map(i -> i.get("key", Document.class).toJson()).toList();
    }
}
