package io.botcore.engine.feed;

import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.exchange.binance.BinanceKlineStream;
import io.botcore.exchange.binance.BinanceRestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's live closed candles as a {@link MarketFeed}: what {@code ./bot-core start} trades on.
 *
 * <p>Candles come from a {@link BinanceKlineStream}, which back-fills over REST whatever it missed, starting after
 * the newest candle the store holds for each symbol, so a restarted engine continues without a gap. Each candle is
 * written to the live series ({@code data/market/binance/...}) as it arrives; a batch is handed to the subscribers
 * once every followed symbol's candle of that open time is stored, or when {@code grace} has passed since its first
 * candle arrived (a symbol without a trade in that interval, a lagging stream), with the candles that did arrive.
 * Batches go out in open-time order: a candle arriving after its batch went out is stored but not delivered.
 *
 * <p>Thread-safe; candles are stored and batches delivered on one thread of the feed's own.
 */
public final class LiveFeed implements MarketFeed, AutoCloseable {

    /** The exchange name of the live series in the candle store. */
    public static final String EXCHANGE = "binance";
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final CandleStore store;
    private final List<String> symbols;
    private final Interval interval;
    private final Duration grace;
    private final Clock clock;
    private final BinanceKlineStream stream;
    private final List<Consumer<CandleBatch>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-feed");
        t.setDaemon(true);
        return t;
    });
    /** Batches waiting for candles, by open time; touched only on the feed's thread. */
    private final NavigableMap<Long, Map<String, Candle>> pending = new TreeMap<>();
    private volatile long lastOpenTime;
    private volatile long lastDeliveredAt;
    private volatile boolean running;

    /**
     * @param store         the candle store; its newest {@code binance} candle per symbol is where the feed resumes
     * @param rest          Binance REST client for back-fills (shares the process's weight budget)
     * @param streamBaseUrl e.g. {@link BinanceKlineStream#LIVE}
     * @param symbols       followed symbols, upper case, in batch order
     * @param interval      candle interval
     * @param grace         how long a batch waits for its missing symbols
     * @param settings      stream connection behaviour
     * @param clock         the market's clock (which candles have closed; delivery times)
     */
    public LiveFeed(CandleStore store, BinanceRestClient rest, URI streamBaseUrl, List<String> symbols,
            Interval interval, Duration grace, BinanceKlineStream.Settings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.symbols = List.copyOf(symbols);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, Long> resumeAfter = new HashMap<>();
        try {
            for (String symbol : this.symbols) {
                store.lastOpenTime(EXCHANGE, symbol, interval).ifPresent(t -> resumeAfter.put(symbol, t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("live feed: cannot read the stored candles", e);
        }
        this.stream = new BinanceKlineStream(rest, streamBaseUrl, this.symbols, interval, resumeAfter,
                (symbol, candle) -> thread.execute(() -> arrived(symbol, candle)), settings, clock);
    }

    /** Connects; candles flow from then on. */
    public void start() {
        running = true;
        log.info("live feed: {} {} from Binance", symbols, interval.code());
        stream.start();
    }

    private void arrived(String symbol, Candle candle) {
        try {
            store.write(EXCHANGE, symbol, CandleSeries.of(interval, List.of(candle)));
        } catch (IOException | RuntimeException e) {
            log.error("live feed: storing {} {} at {} failed; it is not delivered: {}", symbol, interval.code(),
                    Instant.ofEpochMilli(candle.openTime()), e.toString());
            return;
        }
        if (candle.openTime() <= lastOpenTime) {
            log.warn("live feed: {} candle at {} arrived after its batch went out; stored, not delivered", symbol,
                    Instant.ofEpochMilli(candle.openTime()));
            return;
        }
        Map<String, Candle> batch = pending.computeIfAbsent(candle.openTime(), t -> {
            thread.schedule(() -> deliverThrough(t), grace.toMillis(), TimeUnit.MILLISECONDS);
            return new HashMap<>();
        });
        batch.put(symbol, candle);
        if (batch.size() == symbols.size()) {
            deliverThrough(candle.openTime());
        }
    }

    /** Delivers every pending batch up to and including {@code openTime}, oldest first. */
    private void deliverThrough(long openTime) {
        while (!pending.isEmpty() && pending.firstKey() <= openTime) {
            Map.Entry<Long, Map<String, Candle>> first = pending.pollFirstEntry();
            Map<String, Candle> ordered = new LinkedHashMap<>();
            for (String symbol : symbols) {
                Candle candle = first.getValue().get(symbol);
                if (candle != null) {
                    ordered.put(symbol, candle);
                }
            }
            CandleBatch batch = new CandleBatch(interval, first.getKey(), ordered);
            lastOpenTime = batch.openTime();
            lastDeliveredAt = clock.millis();
            for (Consumer<CandleBatch> subscriber : subscribers) {
                try {
                    subscriber.accept(batch);
                } catch (RuntimeException e) {
                    log.error("live feed: a subscriber failed on the batch at {}: {}",
                            Instant.ofEpochMilli(batch.openTime()), e.toString());
                }
            }
        }
    }

    @Override
    public void subscribe(Consumer<CandleBatch> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    @Override
    public FeedStatus status() {
        BinanceKlineStream.Status s = stream.status();
        return new FeedStatus(EXCHANGE, running && s.connected(), lastOpenTime, lastDeliveredAt, (s.connected()
                ? "connected" : "disconnected, reconnecting") + "; " + s.reconnects() + " reconnects, " + s.backfilled()
                + " candles back-filled, last message " + (s.lastMessageAt() == 0 ? "never"
                        : Instant.ofEpochMilli(s.lastMessageAt()).toString()));
    }

    /** The kline stream's own state (reconnects, back-fills), for metrics. */
    public BinanceKlineStream.Status streamStatus() {
        return stream.status();
    }

    public Interval interval() {
        return interval;
    }

    public List<String> symbols() {
        return symbols;
    }

    @Override
    public void close() {
        running = false;
        stream.close();
        thread.shutdownNow();
    }
}
