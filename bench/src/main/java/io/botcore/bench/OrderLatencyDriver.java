package io.botcore.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.strategy.RsiStrategy;
import io.botcore.core.trading.PaperSession;
import io.botcore.engine.trading.Bot;
import io.botcore.engine.trading.TradingStore;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * {@code ./bot-core bench --latency}: how long a market event takes to become an order the simulated exchange
 * accepted — the paper engine's hot path: strategy, risk check, order submission, fill model and ledger — timed
 * candle by candle over real BTCUSDT 1m candles with an RSI(14, 30/70) bot, recorded in HdrHistogram.
 *
 * <p>Two runs: in process over every candle; then the same path followed by the engine's persistence of the
 * candle's outcome ({@link TradingStore#store}: orders, fills, trades, signal, equity point, portfolio) into the
 * embedded database, started as {@code ./bot-core db} in a temporary folder and reached over loopback TCP as the
 * engine reaches it. The targets of issue 5 are printed beside the measured p99: 1 ms in process, 5 ms with the database.
 */
public final class OrderLatencyDriver {

    private static final SymbolRules BTCUSDT = SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5");
    private static final long MAX_NANOS = 10_000_000_000L;

    private OrderLatencyDriver() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean quick = List.of(args).contains("--quick");
        CandleSeries candles = BenchData.minuteCandles();
        int dbCandles = quick ? 20_000 : 100_000;
        System.out.printf("market event -> risk check -> order accepted: RSI(14, 30/70) paper bot on %,d real"
                + " BTCUSDT 1m candles (%s)%n%n", candles.size(), BenchData.source());

        inProcess(candles.slice(0, Math.min(candles.size(), 200_000)), "warm-up (not reported)");
        Result memory = inProcess(candles, "in process");
        Result database = withDatabase(candles.slice(0, Math.min(candles.size(), dbCandles)));

        String format = "%-34s %9s %9s %9s %9s %9s %9s %10s%n";
        System.out.printf(format, "path", "events", "p50 us", "p99 us", "p99.9 us", "max us", "target", "p99 ok");
        print(format, memory.name + ", candle with an order", memory.orders, 1_000);
        print(format, memory.name + ", any candle", memory.all, 1_000);
        print(format, database.name + ", candle with an order", database.orders, 5_000);
        print(format, database.name + ", any candle", database.all, 5_000);
    }

    private record Result(String name, Histogram orders, Histogram all) {
    }

    private static PaperSession session() {
        return new PaperSession(Map.of(BTCUSDT, new RsiStrategy(14, 30, 70)), BacktestConfig.defaults(), "bench.r1");
    }

    private static Result inProcess(CandleSeries candles, String name) {
        PaperSession session = session();
        Histogram orders = new Histogram(MAX_NANOS, 3);
        Histogram all = new Histogram(MAX_NANOS, 3);
        for (int i = 0; i < candles.size(); i++) {
            long start = System.nanoTime();
            PaperSession.Step step = session.onCandle(BTCUSDT.symbol(), candles.candle(i));
            long took = System.nanoTime() - start;
            record(step, took, orders, all);
        }
        return new Result(name, orders, all);
    }

    private static Result withDatabase(CandleSeries candles) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("bot-core-latency");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path launcher = BenchData.root().resolve("bot-core");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "db", "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(home.resolve("db.log").toFile());
        builder.environment().put("BOTCORE_HOME", home.toString());
        System.out.printf("starting the embedded database (%s db --port %d, data in %s) ...%n", launcher, port, home);
        Process db = builder.start();
        try {
            awaitPort(port, db, home.resolve("db.log"));
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                TradingStore store = new TradingStore(client.getDatabase("bot_core_bench"));
                Bot bot = bot();
                PaperSession session = session();
                Histogram orders = new Histogram(MAX_NANOS, 3);
                Histogram all = new Histogram(MAX_NANOS, 3);
                int fills = 0;
                int trades = 0;
                for (int i = 0; i < candles.size(); i++) {
                    long start = System.nanoTime();
                    PaperSession.Step step = session.onCandle(BTCUSDT.symbol(), candles.candle(i));
                    store.store(new TradingStore.BatchOutcome(bot, step.openTime(), List.of(step), fills, trades,
                            session.book(), false));
                    long took = System.nanoTime() - start;
                    fills += step.fills().size();
                    trades += step.trades().size();
                    record(step, took, orders, all);
                }
                return new Result("with database write", orders, all);
            }
        } finally {
            db.destroy();
            db.waitFor(20, TimeUnit.SECONDS);
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void awaitPort(int port, Process db, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!db.isAlive()) {
                throw new IOException("the database exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the database did not listen on port " + port + " within 180 s");
    }

    private static void record(PaperSession.Step step, long nanos, Histogram orders, Histogram all) {
        long bounded = Math.min(nanos, MAX_NANOS);
        all.recordValue(bounded);
        if (step.decision() != null && step.decision().outcome() == PaperSession.Decision.Outcome.ORDER_PLACED) {
            orders.recordValue(bounded);
        }
    }

    private static Bot bot() {
        Bot.Risk risk = new Bot.Risk(new BigDecimal("0.1"), 1, BigDecimal.ONE, new BigDecimal("0.05"), null, null,
                null);
        return new Bot("benchbot01", "bench-user", "latency bench", "rsi", Map.of(), List.of("BTCUSDT"),
                Interval.M1, "paper", risk, new BigDecimal("10000"), Bot.RUNNING, false, null,
                new Bot.Run(1, 0, new BigDecimal("10000"), Instant.EPOCH), Instant.EPOCH);
    }

    private static void print(String format, String name, Histogram h, long targetMicros) {
        double p99 = h.getValueAtPercentile(99) / 1000.0;
        System.out.printf(format, name, String.format("%,d", h.getTotalCount()),
                String.format("%.1f", h.getValueAtPercentile(50) / 1000.0), String.format("%.1f", p99),
                String.format("%.1f", h.getValueAtPercentile(99.9) / 1000.0),
                String.format("%.1f", h.getMaxValue() / 1000.0), String.format("%,d", targetMicros),
                p99 < targetMicros ? "yes" : "NO");
    }
}
