package io.botcore.engine.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.feed.LiveFeed;
import io.botcore.exchange.fake.FakeBinanceServer;
import io.botcore.platform.config.ConfigLoader;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine started with {@code TRADING_FEED=live} against the local fake Binance (REST and kline streams): it
 * back-fills the hours it missed since its newest stored candle, stores them, writes them to {@code market_data},
 * and shows the feed in health and metrics. The recorded BTCUSDT candles are re-timed to end at the last closed
 * hour, so the engine's own clock sees them as the recent past.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFeedEngineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long HOUR = Interval.H1.millis();
    private static final int CANDLES = 300;
    private static final int STORED_BEFORE_START = 290;

    @TempDir
    static Path dir;

    private final FakeBinanceServer fake = FakeBinanceServer.start(0, Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();
    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;
    private CandleSeries recent;

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        CandleSeries recorded = CandleCsvReader.read(
                root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"), Interval.H1);
        recent = retimed(recorded.slice(recorded.size() - CANDLES, recorded.size()),
                Instant.now().toEpochMilli() / HOUR * HOUR - CANDLES * HOUR);
        new CandleStore(dir.resolve("data/market")).write(LiveFeed.EXCHANGE, "BTCUSDT",
                recent.slice(0, STORED_BEFORE_START));
        fake.serveKlines("BTCUSDT", recent);

        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "live-feed-engine-test-secret-0123456789-abcdefghij",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_live",
                        "BINANCE_BASE_URL", fake.baseUrl().toString(), "TRADING_FEED", "live",
                        "BINANCE_STREAM_URL", fake.streams().baseUrl().toString()),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir",
                        dir.resolve("data").toString(), "trading.symbols", "BTCUSDT"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
        fake.close();
    }

    @Test
    void backFillsTheMissedHoursStoresThemAndShowsTheFeed() throws Exception {
        long newest = recent.openTime(CANDLES - 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> newest == feed().path("last_candle_ms").asLong(0));

        CandleSeries stored = new CandleStore(dir.resolve("data/market")).readAll(LiveFeed.EXCHANGE, "BTCUSDT",
                Interval.H1).series();
        assertThat(stored).isEqualTo(recent);
        MongoDatabase db = engine.getBean(MongoDatabase.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.getCollection("market_data")
                .countDocuments(Filters.eq("symbol", "BTCUSDT")) == CANDLES - STORED_BEFORE_START);
        assertThat(db.getCollection("market_data").find(Filters.eq("open_time", newest)).first()
                .getDouble("close_price")).isEqualTo(recent.close(CANDLES - 1));

        JsonNode feed = feed();
        assertThat(feed.path("source").asString()).isEqualTo("binance");
        assertThat(feed.path("running").asBoolean()).isTrue();
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("bot_core_binance_stream_connected\\{[^}]*stream=\"klines\"[^}]*\\} 1\\.0")
                .containsPattern("bot_core_market_feed_interval_seconds\\{[^}]*symbol=\"BTCUSDT\"[^}]*\\} 3600\\.0");
    }

    private JsonNode feed() throws Exception {
        JsonNode feed = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("components").path("trading").path("feed");
        String last = feed.path("last_candle").asString("");
        return last.isEmpty() ? feed : ((tools.jackson.databind.node.ObjectNode) feed).put("last_candle_ms",
                Instant.parse(last).toEpochMilli());
    }

    /** The same candles with open times moved to start at {@code firstOpenTime}. */
    private static CandleSeries retimed(CandleSeries candles, long firstOpenTime) {
        long[] openTime = new long[candles.size()];
        for (int i = 0; i < openTime.length; i++) {
            openTime[i] = firstOpenTime + i * HOUR;
        }
        return CandleSeries.of(Interval.H1, openTime, candles.opens(), candles.highs(), candles.lows(),
                candles.closes(), candles.volumes());
    }
}
