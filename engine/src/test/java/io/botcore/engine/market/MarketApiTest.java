package io.botcore.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.platform.config.ConfigLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Market routes over recorded real BTCUSDT 1h candles in the candle store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private CandleSeries recorded;
    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        recorded = CandleCsvReader.read(root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"),
                Interval.H1);
        new CandleStore(dir.resolve("data/market")).write("binance", "BTCUSDT", recorded);
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "market-api-test-secret-0123456789-abcdefghijklmnop",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_market",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.resolve("data").toString(),
                        "security.bcrypt_cost", "10"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC())
                .create("viewer@example.com", new Passwords(10).hash("read only please"), Role.VIEWER);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"viewer@example.com\",\"password\":\"read only please\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(login.body()).path("data").path("token").asString();
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
    }

    @Test
    void shouldListStoredSymbolsAndIntervals() throws Exception {
        JsonNode data = get("/api/market/symbols").path("data");

        assertThat(data.path("symbols").get(0).asString()).isEqualTo("BTCUSDT");
        assertThat(data.path("stored").path("BTCUSDT").get(0).asString()).isEqualTo("1h");
        assertThat(data.path("available_timeframes").size()).isEqualTo(Interval.values().length);
    }

    @Test
    void shouldAnswerTheNewestCandlesNewestFirstAndCacheThem() throws Exception {
        JsonNode candles = get("/api/market/candles/BTCUSDT/1h?limit=3").path("data");
        get("/api/market/candles/btcusdt/1h?limit=3");

        int last = recorded.size() - 1;
        assertThat(candles.size()).isEqualTo(3);
        for (int k = 0; k < 3; k++) {
            JsonNode c = candles.get(k);
            assertThat(c.path("open_time").asLong()).isEqualTo(recorded.openTime(last - k));
            assertThat(c.path("close_time").asLong()).isEqualTo(recorded.openTime(last - k) + 3_599_999L);
            assertThat(c.path("close").asDouble()).isEqualTo(recorded.close(last - k));
            assertThat(c.path("volume").asDouble()).isEqualTo(recorded.volume(last - k));
            assertThat(c.path("is_closed").asBoolean()).isTrue();
            assertThat(c.has("quote_volume")).as("not in the recording, so not invented").isFalse();
        }
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("bot_core_cache_requests_total\\{backend=\"memory\",result=\"hit\",service=\"engine\"\\} [1-9]");
    }

    @Test
    void shouldAnswerACandleTheFeedStoredAtOnceThoughItIsYearsOlderThanTheClock() throws Exception {
        CandleStore store = new CandleStore(dir.resolve("data/market"));
        store.write("binance", "SOLUSDT", recorded.slice(0, 10));
        assertThat(get("/api/market/candles/SOLUSDT/1h?limit=2").path("data").get(0).path("open_time").asLong())
                .isEqualTo(recorded.openTime(9));

        store.write("binance", "SOLUSDT", recorded.slice(10, 11));
        assertThat(get("/api/market/candles/SOLUSDT/1h?limit=2").path("data").get(0).path("open_time").asLong())
                .as("cached: the candle is from 2020, its successor's close long past").isEqualTo(recorded.openTime(9));
        engine.getBean(MarketDataService.class).candleStored("SOLUSDT", Interval.H1, recorded.openTime(10));

        JsonNode candles = get("/api/market/candles/SOLUSDT/1h?limit=2").path("data");
        assertThat(candles.get(0).path("open_time").asLong()).isEqualTo(recorded.openTime(10));
        assertThat(candles.get(0).path("close").asDouble()).isEqualTo(recorded.close(10));
        assertThat(candles.get(1).path("open_time").asLong()).isEqualTo(recorded.openTime(9));
    }

    @Test
    void shouldComputeTheChartSummaryFromTheStoredCandles() throws Exception {
        JsonNode data = get("/api/market/chart/BTCUSDT/1h?limit=50").path("data");

        int last = recorded.size() - 1;
        double dayAgoOpen = recorded.open(last - 24);
        assertThat(data.path("candles").size()).isEqualTo(50);
        assertThat(data.path("candles").get(49).path("timestamp").asLong()).isEqualTo(recorded.openTime(last));
        assertThat(data.path("latest_price").asDouble()).isEqualTo(recorded.close(last));
        assertThat(data.path("price_change_percent_24h").asDouble())
                .isCloseTo((recorded.close(last) / dayAgoOpen - 1) * 100, within(1e-9));
    }

    @Test
    void shouldRefuseBadParametersAndUnknownSymbolsClearly() throws Exception {
        assertThat(status("/api/market/candles/BTCUSDT/1h?limit=0")).isEqualTo(400);
        assertThat(status("/api/market/candles/BTCUSDT/1h?limit=abc")).isEqualTo(400);
        assertThat(status("/api/market/candles/BTCUSDT/2x")).isEqualTo(400);
        assertThat(status("/api/market/candles/BTC$USDT/1h")).isEqualTo(400);
        assertThat(status("/api/market/candles/ETHBTC/1h")).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/api/market/symbols")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("no token").isEqualTo(401);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path) throws IOException, InterruptedException {
        return send(path).statusCode();
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
