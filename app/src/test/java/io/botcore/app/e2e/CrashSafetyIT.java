package io.botcore.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.execution.ExitBracket;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.Symbol;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.core.risk.RiskConfig;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;
import io.botcore.core.trading.PaperSession;
import io.botcore.core.trading.Trade;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.engine.trading.SymbolCatalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the engine process ({@code kill -9}) at random moments while a paper bot trades a replay, restarts it
 * each time, and then checks the stored orders, fills, trades and cash against an uninterrupted run of the same
 * bot over the same candles: nothing lost, nothing repeated, cash equal to the ledger of the fills.
 */
class CrashSafetyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int KILLS = 6;

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;

    @Test
    void aBotKilledManyTimesMidReplayLosesAndRepeatsNothing() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.copy(Shell.ROOT.resolve("config/config.toml"), home.resolve("config/config.toml"));
        CandleStore store = new CandleStore(home.resolve("data/market"));
        try (var files = Files.list(Shell.ROOT.resolve("data/recorded"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith("binance_BTCUSDT_1h_")).findFirst()
                    .orElseThrow();
            store.write(ReplayFeed.SOURCE, "BTCUSDT", CandleCsvReader.read(file, Interval.H1));
        }
        int dbPort = Shell.freePort();
        int enginePort = Shell.freePort();
        base = URI.create("http://127.0.0.1:" + enginePort);
        Map<String, String> env = new HashMap<>();
        env.put("BOTCORE_HOME", home.toString());
        env.put("DATABASE_URL", "mongodb://127.0.0.1:" + dbPort + "/bot_core");
        env.put("AI_SERVICE_URL", "http://127.0.0.1:" + Shell.freePort());
        env.put("BINANCE_BASE_URL", "http://127.0.0.1:" + Shell.freePort());
        env.put("JWT_SECRET", "crash-safety-it-secret-0123456789-abcdefghijklmnopqrstuvwxyz");
        env.put("TRADING_FEED", "replay");
        String[] engineCommand = {"./bot-core", "engine", "--port", String.valueOf(enginePort), "--set",
            "trading.symbols=BTCUSDT", "--set", "trading.replay_speed=12", "--set", "trading.replay_days=30",
            "--set", "trading.warm_up_candles=0", "--set", "security.bcrypt_cost=10"};
        Process db = Shell.start(env, home.resolve("db.out"), "./bot-core", "db", "--port", String.valueOf(dbPort));
        Process engine = null;
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> accepts(dbPort));
            Shell.Result user = Shell.run(env, 90, "echo 'a long crash test password' | ./bot-core user add "
                    + "--email crash@example.com --role trader --password-stdin");
            assertThat(user.exitCode()).as(user.out()).isZero();
            engine = Shell.start(env, home.resolve("engine-0.out"), engineCommand);
            awaitHealthy(engine);
            String token = call("POST", "/api/auth/login", null,
                    "{\"email\":\"crash@example.com\",\"password\":\"a long crash test password\"}")
                    .path("data").path("token").asString();
            String id = call("POST", "/api/bots", token, "{\"name\":\"crash\",\"strategy\":\"bollinger\","
                    + "\"symbols\":[\"BTCUSDT\"],\"risk\":{\"position_fraction\":0.5,\"max_exposure\":0.9,"
                    + "\"stop_loss\":0.02,\"take_profit\":0.04,\"trailing_stop\":0.03}}").path("data").path("id")
                    .asString();
            call("POST", "/api/bots/" + id + "/start", token, "");

            Random random = new Random(20261125L);
            for (int kill = 1; kill <= KILLS; kill++) {
                Thread.sleep(1_000 + random.nextInt(4_000));
                engine.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                engine.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                System.out.println("crash safety: engine killed (-9) #" + kill + " at replayed candle "
                        + store.lastOpenTime(ReplayFeed.LIVE, "BTCUSDT", Interval.H1).orElse(0));
                engine = Shell.start(env, home.resolve("engine-" + kill + ".out"), engineCommand);
                awaitHealthy(engine);
                token = call("POST", "/api/auth/login", null,
                        "{\"email\":\"crash@example.com\",\"password\":\"a long crash test password\"}")
                        .path("data").path("token").asString();
            }
            String finalToken = token;
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> !call("GET",
                    "/api/health", null, null).path("components").path("trading").path("feed").path("running")
                    .asBoolean(true));
            long last = store.lastOpenTime(ReplayFeed.LIVE, "BTCUSDT", Interval.H1).orElseThrow();
            await().atMost(Duration.ofMinutes(1)).until(() -> call("GET", "/api/bots/" + id, finalToken, null)
                    .path("data").path("last_candle").asString().equals(Instant.ofEpochMilli(last).toString()));
            call("POST", "/api/bots/" + id + "/stop", token, "{\"reason\":\"end of the crash test\"}");

            JsonNode bot = call("GET", "/api/bots/" + id, token, null).path("data");
            JsonNode portfolio = call("GET", "/api/bots/" + id + "/portfolio", token, null).path("data");
            JsonNode orders = call("GET", "/api/bots/" + id + "/orders?limit=10000", token, null).path("data");
            JsonNode fills = call("GET", "/api/bots/" + id + "/fills?limit=10000", token, null).path("data");
            JsonNode trades = call("GET", "/api/bots/" + id + "/trades?limit=10000", token, null).path("data");

            long startAfter = Instant.parse(bot.path("run").path("start_after").asString()).toEpochMilli();
            CandleSeries traded = store.read(ReplayFeed.LIVE, "BTCUSDT", Interval.H1, startAfter + 1, last + 1).series();
            PaperSession reference = new PaperSession(Map.of(SymbolCatalog.rules("BTCUSDT")
                    .orElseThrow(), StrategyCatalog.create("bollinger", StrategyParameters.none())),
                    referenceConfig(), id + ".r1");
            List<Fill> referenceFills = new ArrayList<>();
            Set<String> referenceOrders = new HashSet<>();
            for (int i = 0; i < traded.size(); i++) {
                PaperSession.Step step = reference.onCandle(Symbol.of("BTCUSDT"), traded.candle(i));
                referenceFills.addAll(step.fills());
                step.orders().forEach(o -> referenceOrders.add(o.id().value()));
            }
            PaperSession.Step close = reference.closeAll(ExitReason.MANUAL);
            referenceFills.addAll(close.fills());
            close.orders().forEach(o -> referenceOrders.add(o.id().value()));

            Set<String> storedOrders = new HashSet<>();
            orders.forEach(o -> assertThat(storedOrders.add(o.path("client_order_id").asString())).isTrue());
            assertThat(storedOrders).as("every order of the uninterrupted run, once").isEqualTo(referenceOrders);
            assertThat(fills.size()).as("fills").isEqualTo(referenceFills.size());
            assertThat(trades.size()).as("trades").isEqualTo(reference.trades().size());
            assertThat(reference.trades().size()).isGreaterThan(3);
            List<BigDecimal> storedPnl = new ArrayList<>();
            trades.forEach(t -> storedPnl.add(0, t.path("pnl").decimalValue()));
            for (int i = 0; i < storedPnl.size(); i++) {
                Trade expected = reference.trades().get(i);
                assertThat(storedPnl.get(i)).as("pnl of trade " + i).isEqualByComparingTo(expected.pnl());
            }
            BigDecimal ledger = new BigDecimal("10000");
            for (JsonNode fill : fills) {
                BigDecimal notional = fill.path("price").decimalValue().multiply(fill.path("quantity").decimalValue());
                ledger = fill.path("side").asString().equals("BUY")
                        ? ledger.subtract(notional).subtract(fill.path("fee").decimalValue())
                        : ledger.add(notional).subtract(fill.path("fee").decimalValue());
            }
            BigDecimal cash = portfolio.path("cash").decimalValue();
            assertThat(cash).as("cash equals the ledger of the stored fills").isEqualByComparingTo(ledger);
            assertThat(cash).as("cash of the uninterrupted run").isEqualByComparingTo(reference.book().cash());
            System.out.println("crash safety: " + KILLS + " kills, " + storedOrders.size() + " orders, "
                    + fills.size() + " fills, " + trades.size() + " trades; final cash " + cash.toPlainString()
                    + " equals the uninterrupted run");
        } finally {
            for (Process p : new Process[] {engine, db}) {
                if (p != null) {
                    p.destroy();
                    p.waitFor(20, TimeUnit.SECONDS);
                    p.destroyForcibly();
                }
            }
        }
    }

    /** The bot's configuration as the API stored it, for the reference run. */
    private static BacktestConfig referenceConfig() {
        return BacktestConfig.defaults().withInitialCash(new BigDecimal("10000"))
                .withRisk(RiskConfig.defaults().withPositionFraction(new BigDecimal("0.5"))
                        .withMaxOpenPositions(1).withMaxExposureFraction(new BigDecimal("0.9"))
                        .withDailyLossLimit(new BigDecimal("0.05")))
                .withExits(new ExitBracket(new BigDecimal("0.02"), new BigDecimal("0.04"),
                        new BigDecimal("0.03")));
    }

    private void awaitHealthy(Process engine) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).failFast(() -> !engine.isAlive())
                .until(() -> status("/api/health") == 200);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
