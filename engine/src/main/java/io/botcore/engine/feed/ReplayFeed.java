package io.botcore.engine.feed;

import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays recorded real candles ({@code data/market/recorded/<symbol>/<interval>/}) as if they were closing now, at
 * a chosen number of candles per second: what {@code ./bot-core demo} trades on, with no internet.
 *
 * <p>Each played batch is first written to the live series ({@code data/market/binance/...}), the one the API,
 * the charts and the bots read, then handed to the subscribers. Where the replay stands is therefore the newest
 * candle of the live series: a restarted engine continues where it stopped. On the very first start the live
 * series is seeded with the recorded candles before the replay's start ({@code replayDays} before the end of the
 * recording), so charts and strategies have history.
 *
 * <p>Thread-safe; candles are played on one thread of its own.
 */
public final class ReplayFeed implements MarketFeed, AutoCloseable {

    public static final String SOURCE = "recorded";
    public static final String LIVE = "binance";
    private static final Logger log = LoggerFactory.getLogger(ReplayFeed.class);

    private final CandleStore store;
    private final List<String> symbols;
    private final Interval interval;
    private final double candlesPerSecond;
    private final int replayDays;
    private final Clock clock;
    private final List<Consumer<CandleBatch>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replay-feed");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CandleSeries> recorded = new LinkedHashMap<>();
    private volatile long next;
    private volatile long end;
    private volatile long lastOpenTime;
    private volatile long lastDeliveredAt;
    private volatile boolean running;

    public ReplayFeed(CandleStore store, List<String> symbols, Interval interval, double candlesPerSecond,
            int replayDays, Clock clock) {
        this.store = store;
        this.symbols = List.copyOf(symbols);
        this.interval = interval;
        this.candlesPerSecond = candlesPerSecond;
        this.replayDays = replayDays;
        this.clock = clock;
    }

    /**
     * Loads the recordings, seeds the live series on the first start, and starts playing.
     *
     * @throws IllegalStateException when no recording of any followed symbol exists
     */
    public void start() {
        try {
            long last = Long.MIN_VALUE;
            for (String symbol : symbols) {
                CandleSeries series = store.readAll(SOURCE, symbol, interval).series();
                if (series.isEmpty()) {
                    log.warn("replay: no recorded {} {} candles under {}; the symbol is left out", symbol,
                            interval.code(), store.directory(SOURCE, symbol, interval));
                    continue;
                }
                recorded.put(symbol, series);
                last = Math.max(last, series.lastOpenTime());
            }
            if (recorded.isEmpty()) {
                throw new IllegalStateException("replay feed: no recorded candles of " + symbols + " " + interval.code()
                        + " under " + store.directory(SOURCE, "X", interval).getParent().getParent()
                        + "; import them with ./bot-core import-data --exchange recorded");
            }
            end = last;
            next = resumePoint(last - replayDays * 86_400_000L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = next <= end;
        log.info("replay feed: {} {} from {} to {} at {} candles/s", recorded.keySet(), interval.code(),
                Instant.ofEpochMilli(next), Instant.ofEpochMilli(end), candlesPerSecond);
        long period = Math.max(1, Math.round(1_000_000 / candlesPerSecond));
        thread.scheduleAtFixedRate(this::playNext, period, period, TimeUnit.MICROSECONDS);
    }

    /** Seeds the live series up to {@code start} when it is behind it; returns the open time to play next. */
    private long resumePoint(long start) throws IOException {
        long resume = Long.MIN_VALUE;
        for (Map.Entry<String, CandleSeries> entry : recorded.entrySet()) {
            CandleSeries series = entry.getValue();
            long liveLast = store.lastOpenTime(LIVE, entry.getKey(), interval).orElse(Long.MIN_VALUE);
            if (liveLast < start) {
                CandleSeries seed = series.between(Math.max(liveLast + 1, series.firstOpenTime()), start);
                store.write(LIVE, entry.getKey(), seed);
                liveLast = seed.isEmpty() ? liveLast : seed.lastOpenTime();
            }
            resume = Math.max(resume, liveLast + interval.millis());
        }
        return resume;
    }

    private void playNext() {
        if (!running) {
            return;
        }
        try {
            long openTime = next;
            Map<String, Candle> candles = new LinkedHashMap<>();
            for (Map.Entry<String, CandleSeries> entry : recorded.entrySet()) {
                int i = entry.getValue().indexOf(openTime);
                if (i >= 0) {
                    Candle candle = entry.getValue().candle(i);
                    store.write(LIVE, entry.getKey(), CandleSeries.of(interval, List.of(candle)));
                    candles.put(entry.getKey(), candle);
                }
            }
            next = openTime + interval.millis();
            if (next > end) {
                running = false;
                log.info("replay feed: the recording ends at {}; nothing more to play", Instant.ofEpochMilli(end));
            }
            if (candles.isEmpty()) {
                return;
            }
            CandleBatch batch = new CandleBatch(interval, openTime, candles);
            lastOpenTime = openTime;
            lastDeliveredAt = clock.millis();
            for (Consumer<CandleBatch> subscriber : subscribers) {
                subscriber.accept(batch);
            }
        } catch (IOException | RuntimeException e) {
            log.error("replay feed: playing the candles at {} failed; retrying: {}", Instant.ofEpochMilli(next),
                    e.toString());
        }
    }

    @Override
    public void subscribe(Consumer<CandleBatch> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public FeedStatus status() {
        return new FeedStatus("replay", running, lastOpenTime, lastDeliveredAt, running
                ? "replaying " + recorded.keySet() + " " + interval.code() + " at " + candlesPerSecond
                        + " candles/s, next " + Instant.ofEpochMilli(next)
                : "replay ended at " + Instant.ofEpochMilli(end));
    }

    /** Seconds between two played batches. */
    public double periodSeconds() {
        return 1 / candlesPerSecond;
    }

    public Interval interval() {
        return interval;
    }

    public List<String> symbols() {
        return List.copyOf(recorded.keySet());
    }

    @Override
    public void close() {
        running = false;
        thread.shutdownNow();
    }
}
