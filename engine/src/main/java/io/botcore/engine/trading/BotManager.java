package io.botcore.engine.trading;

import com.mongodb.client.MongoDatabase;

import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.ai.EngineStrategies;
import io.botcore.engine.feed.CandleBatch;
import io.botcore.engine.maintenance.MaintenanceMonitor;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.engine.ws.EventHub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this engine's bot runners in line with the {@code bots} collection: every second (and at once after an API
 * call) it starts a runner for each running bot that has none (rebuilding it from the stored state), carries out
 * requested stops, and drops runners of bots that were stopped or deleted. The API and the CLI only change the
 * stored wish; this loop acts on it, so both behave the same.
 *
 * <p>Thread-safe: the loop runs on one thread of its own.
 */
public final class BotManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotManager.class);

    private final MongoDatabase database;
    private final BotStore bots;
    private final TradingStore store;
    private final CandleStore candles;
    private final TradingSettings settings;
    private final EventHub events;
    private final TradingMetrics metrics;
    private final Clock clock;
    private final Map<String, BotRunner> runners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bot-manager");
        t.setDaemon(true);
        return t;
    });

    private final EngineStrategies strategies;
    /** Maintenance mode as this engine last read it (every second); halts new entries without a read per candle. */
    private final MaintenanceMonitor maintenance;

    public BotManager(MongoDatabase database, CandleStore candles, TradingSettings settings, EventHub events,
            TradingMetrics metrics, EngineStrategies strategies, MaintenanceMonitor maintenance, Clock clock) {
        this.maintenance = maintenance;
        this.strategies = strategies;
        this.database = database;
        this.bots = new BotStore(database, clock);
        this.store = new TradingStore(database);
        this.candles = candles;
        this.settings = settings;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    public BotStore bots() {
        return bots;
    }

    public TradingStore store() {
        return store;
    }

    public TradingSettings settings() {
        return settings;
    }

    /** Starts the loop. */
    public void start() {
        loop.scheduleWithFixedDelay(this::syncQuietly, 0, 1, TimeUnit.SECONDS);
    }

    /** Hands a batch from the feed to every runner. */
    public void onBatch(CandleBatch batch) {
        for (BotRunner runner : runners.values()) {
            runner.offer(batch);
        }
    }

    /** Runs the loop once now and waits for it (at most 30 s). */
    public void syncNow() {
        try {
            loop.submit(this::sync).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the bot manager did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("bot manager: sync failed, retrying in 1 s: {}", e.toString());
        }
    }

    private void sync() {
        List<Bot> all = bots.listAll();
        Set<String> seen = new HashSet<>();
        for (Bot bot : all) {
            seen.add(bot.id());
            BotRunner runner = runners.get(bot.id());
            if (bot.running() && (runner == null || runner.bot().run().number() != bot.run().number())) {
                if (runner != null) {
                    runner.close();
                }
                runner = new BotRunner(bot, store, candles, settings.warmUpCandles(), events, metrics, strategies,
                        () -> maintenance.current().isPresent());
                runners.put(bot.id(), runner);
                runner.start();
                events.publish(bot.userId(), "BotStatusUpdate", Map.of("bot_id", bot.id(), "status", Bot.RUNNING));
            }
            if (bot.running() && bot.stopRequested() && runner.stop(bot.stopReason())) {
                bots.markStopped(bot.id());
                runners.remove(bot.id()).close();
                events.publish(bot.userId(), "BotStatusUpdate", Map.of("bot_id", bot.id(), "status", Bot.STOPPED,
                        "reason", String.valueOf(bot.stopReason())));
            }
            if (!bot.running() && runner != null) {
                runners.remove(bot.id()).close();
            }
        }
        for (String id : Set.copyOf(runners.keySet())) {
            if (!seen.contains(id)) {
                runners.remove(id).close();
            }
        }
    }

    /**
     * Starts a stopped bot: a new run from the newest stored candle, with the cash the last run ended with.
     *
     * @throws TradingException when the kill switch is engaged, the bot is not stopped, or no candles are stored
     */
    public Bot start(Bot bot) {
        if (KillSwitch.engaged(database)) {
            throw new TradingException(TradingException.Kind.CONFLICT,
                    "the kill switch is engaged; an admin must release it before bots can start");
        }
        if (!Bot.STOPPED.equals(bot.status()) || bot.stopRequested()) {
            throw new TradingException(TradingException.Kind.CONFLICT, "bot " + bot.id() + " is " + bot.status()
                    + (bot.stopRequested() ? " (stopping)" : ""));
        }
        long startAfter = Long.MIN_VALUE;
        for (String symbol : bot.symbols()) {
            startAfter = Math.max(startAfter, lastStored(symbol, bot.interval()));
        }
        if (startAfter == Long.MIN_VALUE) {
            throw new TradingException(TradingException.Kind.CONFLICT, "no " + bot.interval().code()
                    + " candles of " + bot.symbols() + " are stored yet; start the market feed first");
        }
        BigDecimal cash = bot.run() == null ? bot.initialBalance()
                : store.portfolio(bot.id()).map(p -> BotStore.bigDecimal(p.get("cash"))).orElse(bot.initialBalance());
        Bot started = bots.start(bot, startAfter, cash).orElseThrow(() -> new TradingException(
                TradingException.Kind.CONFLICT, "bot " + bot.id() + " changed state meanwhile; try again"));
        syncNow();
        return started;
    }

    private long lastStored(String symbol, Interval interval) {
        try {
            return candles.lastOpenTime(ReplayFeed.LIVE, symbol, interval).orElse(Long.MIN_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks a running bot to stop and waits up to 10 s for it; returns the bot as it is then. */
    public Bot stop(Bot bot, String reason) {
        if (!bots.requestStop(bot.id(), reason) && !bot.stopRequested()) {
            throw new TradingException(TradingException.Kind.CONFLICT, "bot " + bot.id() + " is not running");
        }
        awaitStopped(Set.of(bot.id()));
        return bots.find(bot.id()).orElseThrow();
    }

    /** Engages the kill switch and waits up to 10 s for every bot to stop; returns the ids still stopping. */
    public KillResult kill(String reason, String by) {
        Set<String> running = new HashSet<>();
        for (Bot bot : bots.listAll()) {
            if (bot.running()) {
                running.add(bot.id());
            }
        }
        long asked = KillSwitch.engage(database, reason, by, clock);
        Set<String> stillStopping = awaitStopped(running);
        log.warn("kill switch engaged by {} ({}): {} bots asked to stop, {} still stopping", by, reason, asked,
                stillStopping.size());
        return new KillResult(asked, Set.copyOf(stillStopping));
    }

    /** Outcome of the kill switch: bots asked to stop and those not yet stopped after 10 s. */
    public record KillResult(long asked, Set<String> stillStopping) {
    }

    private Set<String> awaitStopped(Set<String> ids) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> left = new HashSet<>(ids);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            syncNow();
            left.removeIf(id -> bots.find(id).map(b -> !b.running()).orElse(true));
            if (!left.isEmpty()) {
                sleep();
            }
        }
        return left;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why a running bot of this engine is not trading, if it is not. */
    public Optional<String> problem(String botId) {
        return Optional.ofNullable(runners.get(botId)).map(BotRunner::problem);
    }

    /** Where a running bot of this engine stands, if it runs here. */
    Optional<BotRunner.Snapshot> snapshot(String botId) {
        return Optional.ofNullable(runners.get(botId)).flatMap(BotRunner::snapshot);
    }

    /** The stored portfolio of a bot. */
    public Optional<Document> portfolio(String botId) {
        return store.portfolio(botId);
    }

    /** Number of bots running on this engine. */
    public int runningCount() {
        return runners.size();
    }

    /** Bots running here whose trading is halted, and why, for health. */
    public Map<String, String> problems() {
        Map<String, String> out = new java.util.TreeMap<>();
        runners.forEach((id, runner) -> {
            if (runner.problem() != null) {
                out.put(id, runner.problem());
            }
        });
        return out;
    }

    @Override
    public void close() {
        loop.shutdownNow();
        runners.values().forEach(BotRunner::close);
        runners.clear();
    }
}
