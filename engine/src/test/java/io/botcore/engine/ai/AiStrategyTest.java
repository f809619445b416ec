package io.botcore.engine.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Signal;
import io.botcore.core.trading.PaperSession;
import io.botcore.platform.health.HealthState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ai} strategy against a local fake AI service (the JDK's HTTP server answering in the service's
 * shape) and against nothing at all, on real BTCUSDT hours.
 */
class AiStrategyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SymbolRules BTCUSDT = SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5");
    private static final Instant NOW = Instant.parse("2025-09-20T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static CandleSeries candles;

    private MongoServer mongo;
    private MongoClient client;
    private MongoDatabase database;
    private SimpleMeterRegistry registry;
    private HttpServer fake;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicInteger candlesSent = new AtomicInteger();
    /** Signal and model registration time the fake answers with. */
    private final AtomicReference<String> answerSignal = new AtomicReference<>("Long");
    private final AtomicReference<Instant> answerTrainedAt = new AtomicReference<>(NOW.minus(Duration.ofDays(2)));

    @BeforeAll
    static void load() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        candles = CandleCsvReader.read(root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"),
                Interval.H1).slice(0, 400);
    }

    @BeforeEach
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + mongo.bind().getPort());
        database = client.getDatabase("bot_core_test");
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.stop(0);
        }
        client.close();
        mongo.shutdownNow();
    }

    /** A fake AI service answering every analysis for the request's last candle. */
    private URI startFake() throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/api/ai/analyze", exchange -> {
            requests.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            JsonNode list = body.path("timeframe_data").path("1h");
            candlesSent.set(list.size());
            long last = list.get(list.size() - 1).path("open_time").asLong();
            String answer = "{\"success\":true,\"data\":{\"signal\":\"" + answerSignal.get() + "\",\"confidence\":0.61,"
                    + "\"score\":0.3,\"probabilities\":{\"down\":0.31,\"flat\":0.08,\"up\":0.61},"
                    + "\"model_version\":\"v0002\",\"model_trained_at\":\"" + answerTrainedAt.get() + "\","
                    + "\"candle_open_time\":" + last + "}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        fake.start();
        return URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
    }

    private static URI nothingListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private AiSignalSource source(URI url) {
        return new AiSignalSource(new AiServiceClient(url, Duration.ofMillis(500)), AiStrategyConfiguration.breaker(),
                user -> "token-of-" + user, registry, CLOCK);
    }

    private AiStrategy strategy(AiSignalSource source, String botId) {
        return new AiStrategy(new AiContext(botId, 1, "owner-1", "BTCUSDT", Interval.H1, Long.MIN_VALUE),
                new AiStrategy.Settings(200, Duration.ofMillis(1000), Duration.ofDays(30), 0), source,
                new SignalJournal(database, CLOCK), CLOCK);
    }

    private double holds(String reason) {
        var counter = registry.find("bot_core.ai_strategy.holds").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldHoldAndOpenNoPositionWhenTheAiServiceIsDown() throws IOException {
        AiSignalSource source = source(nothingListening());
        PaperSession session = new PaperSession(Map.of(BTCUSDT, strategy(source, "bot-down")),
                BacktestConfig.defaults(), "bot-down");

        int orders = 0;
        for (int i = 0; i < candles.size(); i++) {
            PaperSession.Step step = session.onCandle(BTCUSDT.symbol(), candles.candle(i));
            assertThat(step.signal() == null || step.signal().side() == Side.HOLD).isTrue();
            orders += step.orders().size();
        }

        assertThat(orders).isZero();
        assertThat(session.book().openPositionCount()).isZero();
        // 201 candles had a full window: the first calls fail, then the breaker opens and refuses the rest
        assertThat(holds("unreachable") + holds("circuit_open")).isEqualTo(201);
        assertThat(holds("circuit_open")).isPositive();
        var health = new AiStrategyProbe(source, CLOCK).check();
        assertThat(health.status()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.details()).containsEntry("circuit", "open");
    }

    @Test
    void shouldBuyOnALongSignalOfAFreshModelWithTheOwnersToken() throws IOException {
        AiSignalSource source = source(startFake());
        AiStrategy strategy = strategy(source, "bot-up");

        List<Signal> signals = strategy.run(candles.slice(0, 201));

        assertThat(signals.subList(0, 199)).allMatch(s -> s.side() == Side.HOLD);
        assertThat(requests.get()).isEqualTo(2);
        assertThat(signals.get(200).side()).isEqualTo(Side.BUY);
        assertThat(signals.get(200).confidence()).isEqualTo(0.61);
        assertThat(signals.get(200).reasons().get(0).rule()).contains("model v0002");
        assertThat(authorization.get()).isEqualTo("Bearer token-of-owner-1");
        assertThat(candlesSent.get()).isEqualTo(200);
        assertThat(new AiStrategyProbe(source, CLOCK).check().status()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void shouldHoldOnASignalOfAStaleModel() throws IOException {
        answerTrainedAt.set(NOW.minus(Duration.ofDays(45)));
        AiSignalSource source = source(startFake());

        List<Signal> signals = strategy(source, "bot-stale").run(candles.slice(0, 210));

        assertThat(signals).allMatch(s -> s.side() == Side.HOLD);
        assertThat(holds("stale_model")).isEqualTo(11);
        assertThat(new AiStrategyProbe(source, CLOCK).check().details()).containsEntry("reason", "stale_model");
    }

    @Test
    void shouldRebuildFromItsJournalWithoutTheService() throws IOException {
        List<Signal> live = strategy(source(startFake()), "bot-rebuild").run(candles.slice(0, 230));
        fake.stop(0);
        fake = null;

        List<Signal> rebuilt = strategy(source(nothingListening()), "bot-rebuild").run(candles.slice(0, 230));

        assertThat(rebuilt).isEqualTo(live);
        assertThat(live.get(229).side()).isEqualTo(Side.BUY);
        assertThat(database.getCollection(SignalJournal.COLLECTION).countDocuments()).isEqualTo(31);
    }

    @Test
    void shouldRefuseUnknownParametersAndListTheAiStrategy() {
        EngineStrategies strategies = new EngineStrategies(source(URI.create("http://127.0.0.1:9")),
                new SignalJournal(database, CLOCK), CLOCK);

        assertThat(strategies.names()).endsWith("ai").contains("rsi");
        strategies.validate("ai", Map.of("window", "100", "min_confidence", "0.4"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strategies.validate("ai", Map.of("windw", "1")))
                .hasMessageContaining("unknown parameter(s) [windw]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strategies.validate("ai", Map.of("window", "10")))
                .hasMessageContaining("window must be in 34..1000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strategies.validate("magic", Map.of()))
                .hasMessageContaining("known: rsi").hasMessageContaining(", ai");
    }
}
