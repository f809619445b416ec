package io.botcore.engine.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.Backtester;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;
import io.botcore.core.trading.Trade;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.platform.config.ConfigLoader;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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
 * Paper bots on the real engine over a replay of the recorded BTCUSDT and ETHUSDT 1h candles: the API, ownership,
 * roles, the kill switch, the WebSocket, and the bot's stored trades against a backtest of the same candles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradingApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "trading-api-test-secret-0123456789-abcdefghijklmnop";

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;
    private String alice;
    private String bob;
    private String viewer;
    private String admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        CandleStore store = new CandleStore(dir.resolve("data/market"));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            try (var files = Files.list(root.resolve("data/recorded"))) {
                Path file = files.filter(f -> f.getFileName().toString().startsWith("binance_" + symbol + "_1h_"))
                        .findFirst().orElseThrow();
                store.write(ReplayFeed.SOURCE, symbol, CandleCsvReader.read(file, Interval.H1));
            }
        }
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", SECRET, "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_trading",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1", "TRADING_FEED", "replay"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir",
                        dir.resolve("data").toString(), "security.bcrypt_cost", "10",
                        "trading.symbols", "BTCUSDT,ETHUSDT", "trading.replay_speed", "100",
                        "trading.replay_days", "25", "trading.warm_up_candles", "0"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        UserStore users = new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC());
        Passwords passwords = new Passwords(10);
        users.create("alice@example.com", passwords.hash("alice's long password"), Role.TRADER);
        users.create("bob@example.com", passwords.hash("bob's long password"), Role.TRADER);
        users.create("viewer@example.com", passwords.hash("viewer's long password"), Role.VIEWER);
        users.create("admin@example.com", passwords.hash("admin's long password"), Role.ADMIN);
        alice = login("alice@example.com", "alice's long password");
        bob = login("bob@example.com", "bob's long password");
        viewer = login("viewer@example.com", "viewer's long password");
        admin = login("admin@example.com", "admin's long password");
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
    }

    private String login(String email, String password) throws Exception {
        JsonNode answer = call("POST", "/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}", 200);
        return answer.path("data").path("token").asString();
    }

    @Test
    @Order(1)
    void createValidatesEveryFieldAndNamesTheRule() throws Exception {
        JsonNode bad = call("POST", "/api/bots", alice, "{\"name\":\"\",\"strategy\":\"rsi\",\"symbols\":[\"btc\"],"
                + "\"risk\":{\"position_fraction\":2,\"max_open_positions\":0}}", 400);
        Set<String> fields = new HashSet<>();
        bad.path("details").forEach(d -> fields.add(d.path("field").asString()));
        assertThat(fields).contains("name", "risk.position_fraction", "risk.max_open_positions");
        assertThat(fields).anyMatch(f -> f.startsWith("symbols"));

        assertThat(call("POST", "/api/bots", alice, bot("nope", "BTCUSDT"), 400).path("error").asString())
                .startsWith("strategy:");
        assertThat(call("POST", "/api/bots", alice, bot("rsi", "XRPUSDT"), 400).path("error").asString())
                .contains("XRPUSDT is not followed");
        assertThat(call("POST", "/api/bots", alice, "{\"name\":\"x\",\"strategy\":\"rsi\",\"symbols\":[\"BTCUSDT\"],"
                + "\"params\":{\"period\":\"abc\"}}", 400).path("error").asString()).startsWith("params:");
        assertThat(call("POST", "/api/bots", alice, "{\"name\":{\"$gt\":\"\"},\"strategy\":\"rsi\"}", 400)
                .path("error").asString()).isNotBlank();
        call("POST", "/api/bots", viewer, bot("rsi", "BTCUSDT"), 403);
        call("GET", "/api/bots", null, null, 401);
    }

    @Test
    @Order(2)
    void aBotTradesTheReplayStoresEveryFillOnceAndMatchesTheBacktestOfTheSameCandles() throws Exception {
        String id = call("POST", "/api/bots", alice, bot("bollinger", "BTCUSDT"), 201).path("data").path("id")
                .asString();
        String other = call("POST", "/api/bots", alice, bot("rsi", "BTCUSDT\",\"ETHUSDT"), 201)
                .path("data").path("id").asString();
        call("POST", "/api/bots/" + id + "/start", alice, "", 200);
        call("POST", "/api/bots/" + other + "/start", alice, "", 200);
        await().atMost(180, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(this::replayEnded);
        await().atMost(10, TimeUnit.SECONDS).until(() -> call("GET", "/api/bots/" + id, alice, null, 200)
                .path("data").path("last_candle").asString().equals(lastReplayed()));

        JsonNode stopped = call("POST", "/api/bots/" + id + "/stop", alice, "{\"reason\":\"test over\"}", 200);
        assertThat(stopped.path("data").path("status").asString()).isEqualTo("stopped");

        JsonNode portfolio = call("GET", "/api/bots/" + id + "/portfolio", alice, null, 200).path("data");
        BigDecimal cash = portfolio.path("cash").decimalValue();
        assertThat(portfolio.path("positions").size()).isZero();
        assertThat(portfolio.path("equity").decimalValue()).isEqualByComparingTo(cash);

        JsonNode fills = call("GET", "/api/bots/" + id + "/fills?limit=10000", alice, null, 200).path("data");
        BigDecimal ledger = new BigDecimal("10000");
        for (JsonNode fill : fills) {
            BigDecimal notional = fill.path("price").decimalValue().multiply(fill.path("quantity").decimalValue());
            BigDecimal fee = fill.path("fee").decimalValue();
            ledger = fill.path("side").asString().equals("BUY") ? ledger.subtract(notional).subtract(fee)
                    : ledger.add(notional).subtract(fee);
        }
        assertThat(fills.size()).isGreaterThan(4);
        assertThat(cash).as("cash equals the ledger of the stored fills").isEqualByComparingTo(ledger);

        JsonNode orders = call("GET", "/api/bots/" + id + "/orders?limit=10000", alice, null, 200).path("data");
        Set<String> ids = new HashSet<>();
        orders.forEach(o -> assertThat(ids.add(o.path("client_order_id").asString())).isTrue());
        fills.forEach(f -> assertThat(ids).contains(f.path("order_id").asString()));

        JsonNode info = call("GET", "/api/bots/" + id, alice, null, 200).path("data");
        long startAfter = java.time.Instant.parse(info.path("run").path("start_after").asString()).toEpochMilli();
        long cursor = portfolio.path("cursor").asLong();
        CandleSeries traded = new CandleStore(dir.resolve("data/market"))
                .read(ReplayFeed.LIVE, "BTCUSDT", Interval.H1, startAfter + 1, cursor + 1).series();
        Bot stored = engine.getBean(BotManager.class).bots().find(id).orElseThrow();
        BacktestResult backtest = new Backtester(stored.config()).run(StrategyCatalog.create("bollinger",
                StrategyParameters.none()), SymbolCatalog.rules("BTCUSDT").orElseThrow(), traded);
        JsonNode trades = call("GET", "/api/bots/" + id + "/trades?limit=10000", alice, null, 200).path("data");
        List<BigDecimal> ours = new ArrayList<>();
        trades.forEach(t -> ours.add(0, t.path("pnl").decimalValue()));
        List<BigDecimal> theirs = backtest.trades().stream().map(Trade::pnl).toList();
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).isEqualByComparingTo(theirs.get(i));
        }
        assertThat(cash).isEqualByComparingTo(backtest.metrics().finalEquity());

        JsonNode signals = call("GET", "/api/signals?bot_id=" + id + "&limit=10000", alice, null, 200).path("data");
        assertThat(signals.size()).isGreaterThan(0);
        signals.forEach(s -> assertThat(s.path("reasons").size()).isGreaterThan(0));
        assertThat(metrics()).containsPattern("bot_core_orders_placed_total\\{service=\"engine\",side=\"BUY\"\\} [1-9]");
    }

    @Test
    @Order(3)
    void anotherUsersBotIsNotFoundAndViewersMayOnlyRead() throws Exception {
        String id = call("GET", "/api/bots", alice, null, 200).path("data").get(0).path("id").asString();
        for (String path : List.of("/api/bots/" + id, "/api/bots/" + id + "/portfolio", "/api/bots/" + id + "/orders")) {
            call("GET", path, bob, null, 404);
        }
        call("POST", "/api/bots/" + id + "/start", bob, "", 404);
        call("DELETE", "/api/bots/" + id, bob, null, 404);
        call("GET", "/api/bots/..%2F..%2Fetc", alice, null, 400);
        assertThat(call("GET", "/api/orders?bot_id=" + id, bob, null, 200).path("data").size()).isZero();
        assertThat(call("GET", "/api/orders?bot_id=" + id, alice, null, 200).path("data").size()).isPositive();
        call("POST", "/api/bots/" + id + "/start", viewer, "", 403);
        call("GET", "/api/orders?bot_id=%7B%22$gt%22:%22%22%7D", alice, null, 400);
    }

    @Test
    @Order(4)
    void theKillSwitchStopsEveryBotAndKeepsThemStoppedUntilReleased() throws Exception {
        String mine = call("POST", "/api/bots", bob, bot("macd", "ETHUSDT"), 201).path("data").path("id").asString();
        call("POST", "/api/bots/" + mine + "/start", bob, "", 200);
        call("POST", "/api/admin/kill-switch", alice, "{\"reason\":\"not an admin\"}", 403);

        JsonNode killed = call("POST", "/api/admin/kill-switch", admin, "{\"reason\":\"exchange incident\"}", 200);

        assertThat(killed.path("data").path("bots_stopped").asInt()).isGreaterThanOrEqualTo(2);
        for (JsonNode bot : call("GET", "/api/bots", alice, null, 200).path("data")) {
            assertThat(bot.path("status").asString()).isEqualTo("stopped");
        }
        assertThat(call("GET", "/api/bots/" + mine, bob, null, 200).path("data").path("status").asString())
                .isEqualTo("stopped");
        assertThat(call("POST", "/api/bots/" + mine + "/start", bob, "", 409).path("error").asString())
                .contains("kill switch");
        call("DELETE", "/api/admin/kill-switch", admin, null, 200);
        call("POST", "/api/bots/" + mine + "/start", bob, "", 200);
        call("POST", "/api/bots/" + mine + "/stop", bob, "", 200);
        call("DELETE", "/api/bots/" + mine, bob, null, 200);
        call("GET", "/api/bots/" + mine, bob, null, 404);
    }

    @Test
    @Order(5)
    void theWebSocketNeedsATokenAndAnswersPing() throws Exception {
        CompletableFuture<WebSocket> refused = http.newWebSocketBuilder()
                .buildAsync(URI.create(base.toString().replace("http", "ws") + "/ws"), new Collector());
        assertThat(refused).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingRootCause()
                .withMessageContaining("401");
        CompletableFuture<WebSocket> forged = http.newWebSocketBuilder().buildAsync(URI.create(
                base.toString().replace("http", "ws") + "/ws?token=" + alice.substring(0, alice.length() - 2) + "xx"),
                new Collector());
        assertThat(forged).failsWithin(Duration.ofSeconds(10)).withThrowableThat().isInstanceOf(Exception.class);

        Collector messages = new Collector();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(base.toString().replace("http", "ws")
                + "/ws?token=" + alice), messages).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"Ping\",\"timestamp\":42}", true).get(5, TimeUnit.SECONDS);
        await().atMost(10, TimeUnit.SECONDS).until(() -> messages.types().contains("Pong"));
        assertThat(messages.types().get(0)).isEqualTo("Connected");
        assertThat(messages.received.stream().filter(m -> m.path("type").asString().equals("Pong")).findFirst()
                .orElseThrow().path("timestamp").asLong()).isEqualTo(42);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    @Order(6)
    void theOriginalPaperTradingRoutesAnswerFromTheNewestBot() throws Exception {
        JsonNode status = call("GET", "/api/paper-trading/status", alice, null, 200).path("data");
        String id = status.path("bot_id").asString();
        JsonNode perf = status.path("portfolio");
        JsonNode bot = call("GET", "/api/bots/" + id, alice, null, 200).path("data");
        assertThat(status.path("is_running").asBoolean()).isEqualTo(bot.path("status").asString().equals("running"));
        JsonNode portfolio = call("GET", "/api/bots/" + id + "/portfolio", alice, null, 200).path("data");
        assertThat(perf.path("current_balance").decimalValue()).isEqualByComparingTo(portfolio.path("cash")
                .decimalValue());
        JsonNode trades = call("GET", "/api/bots/" + id + "/trades?limit=10000", alice, null, 200).path("data");
        assertThat(perf.path("total_trades").asInt()).isEqualTo(trades.size()).isPositive();
        BigDecimal pnl = BigDecimal.ZERO;
        for (JsonNode trade : trades) {
            pnl = pnl.add(trade.path("pnl").decimalValue());
        }
        assertThat(perf.path("total_pnl").decimalValue()).isEqualByComparingTo(pnl);

        // drawdown recomputed from the equity points the API lists, oldest first from the initial balance
        JsonNode points = call("GET", "/api/bots/" + id + "/equity?limit=10000", alice, null, 200).path("data");
        double peak = bot.path("initial_balance").asDouble();
        double deepest = 0;
        double deepestFraction = 0;
        for (int i = points.size() - 1; i >= 0; i--) {
            double equity = points.get(i).path("equity").asDouble();
            peak = Math.max(peak, equity);
            deepest = Math.max(deepest, peak - equity);
            deepestFraction = Math.max(deepestFraction, (peak - equity) / peak);
        }
        assertThat(deepest).isPositive();
        assertThat(perf.path("max_drawdown").asDouble()).isCloseTo(deepest, within(1e-6));
        assertThat(perf.path("max_drawdown_percentage").asDouble()).isCloseTo(deepestFraction * 100, within(1e-9));
        assertThat(perf.path("sharpe_ratio").isNumber()).isTrue();

        call("GET", "/api/paper-trading/trades/closed", alice, null, 200);
        call("GET", "/api/paper-trading/portfolio", viewer, null, 404);
    }

    private boolean replayEnded() throws Exception {
        return !call("GET", "/api/health", null, null, 200).path("components").path("trading")
                .path("feed").path("running").asBoolean(true);
    }

    private String lastReplayed() throws Exception {
        return call("GET", "/api/health", null, null, 200).path("components").path("trading")
                .path("feed").path("last_candle").asString();
    }

    private static String bot(String strategy, String symbols) {
        return "{\"name\":\"" + strategy + " bot\",\"strategy\":\"" + strategy + "\",\"symbols\":[\"" + symbols
                + "\"],\"risk\":{\"position_fraction\":0.5,\"max_exposure\":0.9,\"stop_loss\":0.03,"
                + "\"take_profit\":0.06}}";
    }

    private String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode call(String method, String path, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        assertThat(response.body()).doesNotContain("at io.botcore").doesNotContain("\tat ");
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return json ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    /** Collects the messages of a WebSocket. */
    private static final class Collector implements WebSocket.Listener {

        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        List<String> types() {
            return received.stream().map(m -> m.path("type").asString()).toList();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            throw new CompletionException(error);
        }
    }
}
