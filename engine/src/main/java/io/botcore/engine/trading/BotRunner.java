package io.botcore.engine.trading;

import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.Order;
import io.botcore.core.execution.OrderStatus;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.store.CandleStore;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.trading.PaperSession;
import io.botcore.core.trading.Trade;
import io.botcore.engine.ai.AiContext;
import io.botcore.engine.ai.EngineStrategies;
import io.botcore.engine.feed.CandleBatch;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.engine.ws.EventHub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one paper bot on its own thread: candles in, orders and fills out, every outcome stored before the next
 * candle is looked at.
 *
 * <p><b>Crash safety.</b> The bot's {@link PaperSession} is a pure function of its run's configuration and the
 * candles, and every candle reaches the candle store before a bot sees it. So the runner never needs to store
 * the session itself: at start it rebuilds it by feeding the stored candles up to the portfolio's cursor again
 * (checking that the cash it arrives at is the stored cash), then continues; outcomes written twice after a crash
 * are upserts of identical records. A {@code kill -9} at any moment loses nothing and repeats nothing.
 *
 * <p><b>Maintenance.</b> While maintenance mode is on, buy signals are refused ({@code ENTRIES_HALTED}, stored with
 * the signal) and exits and protective orders run as usual; the rebuild reads those refusals back, so it arrives
 * at the same state.
 *
 * <p><b>Database outage.</b> When storing an outcome fails, the runner keeps it, looks at no further candle (so it
 * places no new order), and retries every second; candles arriving meanwhile wait in memory (they are in the
 * candle store as well). When the database answers again it stores the outcome and works through the waiting
 * candles in order.
 *
 * <p>Thread-safe: everything runs on the runner's thread.
 */
final class BotRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotRunner.class);

    private final Bot bot;
    private final TradingStore store;
    private final CandleStore candles;
    private final int warmUp;
    private final EventHub events;
    private final TradingMetrics metrics;
    private final ScheduledExecutorService thread;
    private final PaperSession session;
    private final Deque<CandleBatch> waiting = new ArrayDeque<>();
    private TradingStore.BatchOutcome unsaved;
    private long cursor;
    private int fillCount;
    private boolean stopped;
    private volatile String problem;
    /** Whether new entries are halted now (maintenance mode); asked once per batch. */
    private final BooleanSupplier entriesHalted;

    BotRunner(Bot bot, TradingStore store, CandleStore candles, int warmUp, EventHub events, TradingMetrics metrics,
            EngineStrategies strategies, BooleanSupplier entriesHalted) {
        this.entriesHalted = entriesHalted;
        this.bot = bot;
        this.store = store;
        this.candles = candles;
        this.warmUp = warmUp;
        this.events = events;
        this.metrics = metrics;
        Map<SymbolRules, Strategy> markets = new LinkedHashMap<>();
        for (String symbol : bot.symbols()) {
            markets.put(SymbolCatalog.rules(symbol).orElseThrow(), strategies.create(bot.strategy(), bot.params(),
                    new AiContext(bot.id(), bot.run().number(), bot.userId(), symbol, bot.interval(),
                            bot.run().startAfter())));
        }
        this.session = new PaperSession(markets, bot.config(), bot.orderIdPrefix());
        this.cursor = bot.run().startAfter();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bot-" + bot.id());
            t.setDaemon(true);
            return t;
        });
    }

    Bot bot() {
        return bot;
    }

    /** Why the bot is not trading although it runs (database outage, state mismatch), or null. */
    String problem() {
        return problem;
    }

    /**
     * Rebuilds the session from the stored candles up to the stored cursor and starts the retry timer.
     * Runs on the runner's thread; returns at once.
     */
    void start() {
        thread.execute(this::rebuild);
        thread.scheduleWithFixedDelay(this::retry, 1, 1, TimeUnit.SECONDS);
    }

    private void rebuild() {
        try {
            rebuildFromStore();
        } catch (RuntimeException e) {
            problem = "cannot rebuild from the stored state: " + e;
            log.error("bot {}: {}", bot.id(), problem, e);
        }
    }

    private void rebuildFromStore() {
        long startAfter = bot.run().startAfter();
        TreeMap<Long, Map<String, Candle>> history = warmUp == 0 ? new TreeMap<>()
                : stored(Long.MIN_VALUE, startAfter + 1, warmUp);
        for (Map.Entry<Long, Map<String, Candle>> batch : history.entrySet()) {
            for (Map.Entry<String, Candle> candle : batch.getValue().entrySet()) {
                session.warmUp(Symbol.of(candle.getKey()), candle.getValue());
            }
        }
        cursor = startAfter;
        Optional<Document> portfolio = store.portfolio(bot.id())
                .filter(p -> p.getInteger("run", 0) == bot.run().number());
        long storedCursor = portfolio.map(p -> p.getLong("cursor")).orElse(startAfter);
        Set<String> halted = store.haltedEntries(bot);
        for (Map.Entry<Long, Map<String, Candle>> batch : stored(startAfter + 1, storedCursor + 1, 0).entrySet()) {
            for (Map.Entry<String, Candle> candle : batch.getValue().entrySet()) {
                fillCount += session.onCandle(Symbol.of(candle.getKey()), candle.getValue(),
                        halted.contains(candle.getKey() + "@" + batch.getKey())).fills().size();
            }
            cursor = batch.getKey();
        }
        boolean closed = portfolio.map(p -> p.getBoolean("closed", false)).orElse(false);
        if (closed) {
            fillCount += session.closeAll(ExitReason.MANUAL).fills().size();
        }
        BigDecimal cash = portfolio.map(p -> BotStore.bigDecimal(p.get("cash"))).orElse(bot.run().initialCash());
        if (cursor != storedCursor || session.book().cash().compareTo(cash) != 0) {
            problem = "state mismatch: rebuilding from the stored candles gives cash " + session.book().cash()
                    .toPlainString() + " at " + Instant.ofEpochMilli(cursor) + " but the stored portfolio has "
                    + cash.toPlainString() + " at " + Instant.ofEpochMilli(storedCursor) + "; the bot trades no more";
            metrics.stateMismatch();
            log.error("bot {}: {}", bot.id(), problem);
            return;
        }
        stopped = closed;
        log.info("bot {} ({} {} {}) run {} rebuilt up to {}: cash {}, {} open positions, {} trades", bot.id(),
                bot.strategy(), bot.symbols(), bot.interval().code(), bot.run().number(), Instant.ofEpochMilli(cursor),
                session.book().cash().toPlainString(), session.book().openPositionCount(), session.trades().size());
        catchUp(Long.MAX_VALUE);
    }

    /** Candles of the bot's symbols stored in [from, to), grouped by open time; only the last {@code limit} if > 0. */
    private TreeMap<Long, Map<String, Candle>> stored(long from, long to, int limit) {
        TreeMap<Long, Map<String, Candle>> batches = new TreeMap<>();
        try {
            for (String symbol : bot.symbols()) {
                CandleSeries series = candles.read(ReplayFeed.LIVE, symbol, bot.interval(), from, to).series();
                int first = limit > 0 ? Math.max(0, series.size() - limit) : 0;
                for (int i = first; i < series.size(); i++) {
                    batches.computeIfAbsent(series.openTime(i), t -> new LinkedHashMap<>()).put(symbol,
                            series.candle(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batches;
    }

    /** Hands a batch of the feed to the bot; returns at once. */
    void offer(CandleBatch batch) {
        thread.execute(() -> {
            if (unsaved != null) {
                waiting.add(batch);
                return;
            }
            if (problem != null) {
                return;
            }
            process(batch);
        });
    }

    private void process(CandleBatch batch) {
        if (stopped || batch.openTime() <= cursor) {
            return;
        }
        if (batch.openTime() > cursor + bot.interval().millis()) {
            catchUp(batch.openTime());
            if (unsaved != null) {
                waiting.addFirst(batch);
                return;
            }
        }
        Map<String, Candle> mine = new LinkedHashMap<>();
        for (String symbol : bot.symbols()) {
            Candle candle = batch.candles().get(symbol);
            if (candle != null) {
                mine.put(symbol, candle);
            }
        }
        if (!mine.isEmpty()) {
            run(batch.openTime(), mine);
        }
    }

    /** Runs the stored candles after the cursor and before {@code before}, e.g. those missed while down. */
    private void catchUp(long before) {
        for (Map.Entry<Long, Map<String, Candle>> batch : stored(cursor + 1, before, 0).entrySet()) {
            if (unsaved != null || stopped) {
                return;
            }
            run(batch.getKey(), batch.getValue());
        }
    }

    private void run(long openTime, Map<String, Candle> batch) {
        int fillsBefore = fillCount;
        int tradesBefore = session.trades().size();
        List<PaperSession.Step> steps = new ArrayList<>();
        boolean halted = entriesHalted.getAsBoolean();
        for (Map.Entry<String, Candle> candle : batch.entrySet()) {
            PaperSession.Step step = session.onCandle(Symbol.of(candle.getKey()), candle.getValue(), halted);
            fillCount += step.fills().size();
            steps.add(step);
        }
        cursor = openTime;
        save(new TradingStore.BatchOutcome(bot, openTime, steps, fillsBefore, tradesBefore, session.book(), false));
    }

    private void save(TradingStore.BatchOutcome outcome) {
        try {
            store.store(outcome);
        } catch (RuntimeException e) {
            if (unsaved == null) {
                log.error("bot {}: storing the outcome of {} failed, trading halted until the database answers: {}",
                        bot.id(), Instant.ofEpochMilli(outcome.openTime()), e.toString());
            }
            unsaved = outcome;
            problem = "database unavailable: the outcome of " + Instant.ofEpochMilli(outcome.openTime())
                    + " is kept in memory; no new orders until it is stored";
            metrics.halted(bot.id(), true);
            return;
        }
        unsaved = null;
        announce(outcome);
    }

    private void retry() {
        if (unsaved == null) {
            return;
        }
        TradingStore.BatchOutcome pending = unsaved;
        save(pending);
        if (unsaved != null) {
            return;
        }
        log.info("bot {}: database back, the outcome of {} is stored; {} waiting candle batches follow", bot.id(),
                Instant.ofEpochMilli(pending.openTime()), waiting.size());
        problem = null;
        metrics.halted(bot.id(), false);
        while (!waiting.isEmpty() && unsaved == null) {
            process(waiting.poll());
        }
    }

    /**
     * Closes every position and cancels every order at the last prices, stores that, and stops taking candles.
     * Runs on the runner's thread.
     *
     * @return true when the stop is stored; false while an earlier outcome is still unsaved (try again)
     */
    boolean stop(String reason) {
        try {
            return thread.submit(() -> {
                if (stopped) {
                    return true;
                }
                if (unsaved != null) {
                    return false;
                }
                if (problem != null) {
                    stopped = true;
                    log.warn("bot {} stopped without closing its positions: {}", bot.id(), problem);
                    return true;
                }
                int fillsBefore = fillCount;
                int tradesBefore = session.trades().size();
                PaperSession.Step step = session.closeAll(ExitReason.MANUAL);
                fillCount += step.fills().size();
                TradingStore.BatchOutcome outcome = new TradingStore.BatchOutcome(bot, cursor, List.of(step),
                        fillsBefore, tradesBefore, session.book(), true);
                store.store(outcome);
                stopped = true;
                announce(outcome);
                log.info("bot {} stopped ({}): cash {}, {} trades in run {}", bot.id(), reason,
                        session.book().cash().toPlainString(), session.trades().size(), bot.run().number());
                return true;
            }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("bot {}: stopping failed, will retry: {}", bot.id(), e.getCause().toString());
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void announce(TradingStore.BatchOutcome outcome) {
        String user = bot.userId();
        int tradeNumber = outcome.tradesBefore();
        for (PaperSession.Step step : outcome.steps()) {
            if (step.signal() != null && step.signal().side() != Side.HOLD) {
                metrics.signal(step.signal().side());
                if (step.decision().refusal() != null) {
                    metrics.refused(step.decision().refusal());
                }
                events.publish(user, "SignalGenerated", Map.of("bot_id", bot.id(), "symbol", step.symbol().value(),
                        "signal", step.signal().side().name(), "confidence", step.signal().confidence(),
                        "outcome", step.decision().outcome().name(), "timestamp", step.openTime()));
            }
            for (Order order : step.orders()) {
                if (order.status() == OrderStatus.NEW && order.filledQuantity().signum() == 0) {
                    metrics.placed(order.side());
                }
                if (order.status() == OrderStatus.REJECTED || order.status() == OrderStatus.EXPIRED) {
                    metrics.failed(order.rejection().reason());
                    log.warn("trade {} {} {} {} failed: {}", bot.id(), order.symbol(), order.side(), order.id(),
                            order.rejection().message());
                }
                events.publish(user, "OrderUpdate", Map.of("bot_id", bot.id(), "client_order_id", order.id().value(),
                        "symbol", order.symbol().value(), "side", order.side().name(), "type", order.type().name(),
                        "status", order.status().name(), "filled_quantity", order.filledQuantity()));
            }
            for (Fill fill : step.fills()) {
                metrics.filled(fill.side());
                events.publish(user, "TradeExecuted", Map.of("bot_id", bot.id(), "order_id", fill.orderId().value(),
                        "symbol", fill.symbol().value(), "side", fill.side().name(), "price", fill.price(),
                        "quantity", fill.quantity(), "fee", fill.fee(), "timestamp", fill.time().toEpochMilli()));
            }
            for (Trade trade : step.trades()) {
                tradeNumber++;
                events.publish(user, "TradeClosed", Map.of("bot_id", bot.id(), "trade_id",
                        bot.orderIdPrefix() + "-t" + tradeNumber, "symbol", trade.symbol().value(),
                        "pnl", trade.pnl(), "close_reason", trade.exitReason().name()));
            }
        }
        metrics.book(bot.id(), session.book());
        events.publish(user, "PortfolioUpdate", Map.of("bot_id", bot.id(), "cash", session.book().cash(),
                "equity", session.book().equity(), "open_positions", session.book().openPositionCount(),
                "timestamp", outcome.openTime() + bot.interval().millis()));
    }

    /** Where the run stands: cursor and book, read on the runner's thread. */
    Optional<Snapshot> snapshot() {
        try {
            return Optional.of(thread.submit(() -> new Snapshot(cursor, session.book().cash(), session.book().equity(),
                    session.book().openPositionCount())).get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Where a run stands. */
    record Snapshot(long cursor, BigDecimal cash, BigDecimal equity, int openPositions) {
    }

    @Override
    public void close() {
        thread.shutdownNow();
        metrics.forget(bot.id());
    }
}
