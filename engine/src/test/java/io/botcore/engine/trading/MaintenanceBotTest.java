package io.botcore.engine.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.engine.maintenance.Maintenance;
import io.botcore.engine.maintenance.MaintenanceMonitor;
import io.botcore.platform.config.ConfigLoader;

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
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A paper bot trading a replay while maintenance mode is on: every buy signal is refused as {@code ENTRIES_HALTED}
 * and stored with that reason, so no order is placed; the same bot after maintenance is off trades again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceBotTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        new CandleStore(dir.resolve("data/market")).write(ReplayFeed.SOURCE, "BTCUSDT", CandleCsvReader.read(
                root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"), Interval.H1));
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "maintenance-bot-test-secret-0123456789-abcdefghijk",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_maintenance",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1", "TRADING_FEED", "replay"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir",
                        dir.resolve("data").toString(), "security.bcrypt_cost", "10", "trading.symbols", "BTCUSDT",
                        "trading.replay_speed", "50", "trading.replay_days", "30", "trading.warm_up_candles",
                        "0"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC()).create("admin@example.com",
                new Passwords(10).hash("admin's long password"), Role.ADMIN);
        admin = call("POST", "/api/auth/login", null,
                "{\"email\":\"admin@example.com\",\"password\":\"admin's long password\"}").path("data")
                .path("token").asString();
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
    }

    @Test
    void buySignalsAreRefusedAsHaltedAndNoOrderIsPlacedWhileMaintenanceIsOn() throws Exception {
        MongoDatabase db = engine.getBean(MongoDatabase.class);
        Maintenance.on(db, "exchange upgrade", Instant.now().plus(Duration.ofHours(1)), "test", Clock.systemUTC());
        // the engine rereads maintenance every second; start the bot once it has
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.getBean(MaintenanceMonitor.class).current().isPresent());
        String id = call("POST", "/api/bots", admin, "{\"name\":\"rsi\",\"strategy\":\"rsi\",\"symbols\":[\"BTCUSDT\"],"
                + "\"params\":{\"period\":\"7\",\"oversold\":\"35\",\"overbought\":\"65\"}}").path("data").path("id")
                .asString();
        call("POST", "/api/bots/" + id + "/start", admin, "");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> db
                .getCollection("signals").countDocuments(Filters.and(Filters.eq("bot_id", id),
                        Filters.eq("refusal", "ENTRIES_HALTED"))) >= 3);

        List<Document> buys = db.getCollection("signals").find(Filters.and(Filters.eq("bot_id", id),
                Filters.eq("signal_type", "BUY"))).into(new ArrayList<>());
        assertThat(buys).isNotEmpty().allSatisfy(s -> assertThat(s.getString("refusal")).isEqualTo("ENTRIES_HALTED"));
        assertThat(db.getCollection("orders").countDocuments(Filters.eq("bot_id", id))).isZero();

        Maintenance.off(db);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> db
                .getCollection("orders").countDocuments(Filters.eq("bot_id", id)) > 0);
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body())
                .containsPattern("bot_core_risk_refusals_total\\{reason=\"ENTRIES_HALTED\"[^}]*\\} [1-9]");
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}
