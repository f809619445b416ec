package io.botcore.engine.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Symbol;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;
import io.botcore.core.trading.PaperSession;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.platform.config.ConfigLoader;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database (the embedded server on its H2 file, as {@code ./bot-core db} runs it) goes away while a paper bot
 * trades a replay: the bot places no order while it is gone, health
 * names the halted bot, and when the database is back every outcome is stored, with the same orders and cash as
 * a run that never saw the outage.
 */
class TradingOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACED = Pattern.compile(
            "bot_core_orders_placed_total\\{service=\"engine\",side=\"BUY\"\\} ([0-9.]+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;

    @Test
    void noOrderWhileTheDatabaseIsDownAndNothingLostWhenItReturns() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        CandleStore store = new CandleStore(dir.resolve("data/market"));
        store.write(ReplayFeed.SOURCE, "BTCUSDT", CandleCsvReader.read(
                root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"), Interval.H1));
        String file = dir.resolve("db.mv").toString();
        MongoServer mongo = new MongoServer(new H2Backend(file));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        mongo.bind("127.0.0.1", port);
        ConfigurableApplicationContext engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null,
                EngineSettings.SETTINGS, Map.of("JWT_SECRET", "outage-test-secret-0123456789-abcdefghijklmnopqrs",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_outage?serverSelectionTimeoutMS=500",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1", "TRADING_FEED", "replay"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir",
                        dir.resolve("data").toString(), "security.bcrypt_cost", "10", "trading.symbols", "BTCUSDT",
                        "trading.replay_speed", "25", "trading.replay_days", "20", "trading.warm_up_candles", "0",
                        "database.connection_timeout", "1"))));
        try {
            base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
            new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC()).create("carol@example.com",
                    new Passwords(10).hash("carol's long password"), Role.TRADER);
            String token = call("POST", "/api/auth/login", null,
                    "{\"email\":\"carol@example.com\",\"password\":\"carol's long password\"}").path("data")
                    .path("token").asString();
            String id = call("POST", "/api/bots", token, "{\"name\":\"outage\",\"strategy\":\"bollinger\","
                    + "\"symbols\":[\"BTCUSDT\"],\"risk\":{\"position_fraction\":0.5,\"max_exposure\":0.9}}")
                    .path("data").path("id").asString();
            call("POST", "/api/bots/" + id + "/start", token, "");
            await().atMost(60, TimeUnit.SECONDS).until(() -> placed() >= 2);

            mongo.shutdownNow();
            await().atMost(30, TimeUnit.SECONDS).until(() -> health().path("components").path("trading")
                    .path("halted_bots").has(id));
            double placedWhenHalted = placed();
            long candleWhenHalted = store.lastOpenTime(ReplayFeed.LIVE, "BTCUSDT", Interval.H1).orElseThrow();
            Thread.sleep(3_000);
            long candleAfterOutage = store.lastOpenTime(ReplayFeed.LIVE, "BTCUSDT", Interval.H1).orElseThrow();
            assertThat(candleAfterOutage).as("the feed kept playing into the candle store")
                    .isGreaterThan(candleWhenHalted);
            assertThat(placed()).as("no order while the database is down").isEqualTo(placedWhenHalted);
            assertThat(health().path("components").path("trading").path("halted_bots").path(id).asString())
                    .contains("database unavailable");

            mongo = new MongoServer(new H2Backend(file));
            mongo.bind("127.0.0.1", port);
            await().atMost(60, TimeUnit.SECONDS).until(() -> !health().path("components").path("trading")
                    .path("halted_bots").has(id));
            await().atMost(120, TimeUnit.SECONDS).until(() -> !health().path("components").path("trading")
                    .path("feed").path("running").asBoolean(true));
            long last = store.lastOpenTime(ReplayFeed.LIVE, "BTCUSDT", Interval.H1).orElseThrow();
            String finalToken = token;
            await().atMost(60, TimeUnit.SECONDS).until(() -> call("GET", "/api/bots/" + id, finalToken, null)
                    .path("data").path("last_candle").asString().equals(java.time.Instant.ofEpochMilli(last)
                            .toString()));
            call("POST", "/api/bots/" + id + "/stop", token, "");

            Bot bot = engine.getBean(BotManager.class).bots().find(id).orElseThrow();
            CandleSeries traded = store.read(ReplayFeed.LIVE, "BTCUSDT", Interval.H1, bot.run().startAfter() + 1,
                    last + 1).series();
            PaperSession reference = new PaperSession(Map.of(SymbolCatalog.rules("BTCUSDT").orElseThrow(),
                    StrategyCatalog.create("bollinger", StrategyParameters.none())), bot.config(), id + ".r1");
            int referenceFills = 0;
            for (int i = 0; i < traded.size(); i++) {
                referenceFills += reference.onCandle(Symbol.of("BTCUSDT"), traded.candle(i)).fills().size();
            }
            referenceFills += reference.closeAll(ExitReason.MANUAL).fills().size();
            JsonNode portfolio = call("GET", "/api/bots/" + id + "/portfolio", token, null).path("data");
            TradingStore trading = engine.getBean(BotManager.class).store();
            assertThat(trading.count("fills", id)).isEqualTo(referenceFills);
            assertThat(trading.count("trades", id)).isEqualTo(reference.trades().size());
            assertThat(portfolio.path("cash").decimalValue()).isEqualByComparingTo(reference.book().cash());
            assertThat(reference.book().cash()).isNotEqualByComparingTo(new BigDecimal("10000"));
        } finally {
            engine.close();
            mongo.shutdownNow();
        }
    }

    private double placed() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PLACED.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private JsonNode health() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).as(method + " " + path + ": " + response.body()).isEqualTo(2);
        return JSON.readTree(response.body());
    }
}
