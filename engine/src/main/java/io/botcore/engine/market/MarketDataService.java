package io.botcore.engine.market;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.web.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Candles for the API from the candle store ({@code data/market/binance/<symbol>/<interval>/}), with each
 * answer kept in the answer cache (in-process or Redis) for at most the configured TTL and never past the
 * moment the next candle closes, so a live series is never shown a candle late. The market feed also reports
 * each candle it stores ({@link #candleStored}), and answers are cached per newest candle, so a replay, whose
 * candles are years older than the clock, is not shown stale candles either.
 *
 * <p>Thread-safe.
 */
public final class MarketDataService {

    static final String EXCHANGE = "binance";

    /** Longer than any configured TTL: the cache caps it, for data whose next candle is long overdue. */
    private static final Duration UNTIL_TTL = Duration.ofDays(365);

    private final CandleStore store;
    private final AnswerCache cache;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Long> newest = new ConcurrentHashMap<>();

    public MarketDataService(CandleStore store, AnswerCache cache, ObjectMapper json, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
    }

    /** A stored candle as the API shows it (times in epoch ms, UTC). */
    public record CandleView(long openTime, long closeTime, double open, double high, double low, double close,
            double volume, boolean isClosed) {
    }

    /** Called by the market feed after it stored a candle: answers cached before it are not used again. */
    public void candleStored(String symbol, Interval interval, long openTime) {
        newest.merge(symbol + ":" + interval.code(), openTime, Math::max);
    }

    /** Symbols with stored candles, and for each the intervals stored. */
    public List<String> symbols() {
        Path root = store.directory(EXCHANGE, "X", Interval.H1).getParent().getParent();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> intervals(String symbol) {
        List<String> out = new ArrayList<>();
        for (Interval interval : Interval.values()) {
            if (Files.isDirectory(store.directory(EXCHANGE, symbol, interval))) {
                out.add(interval.code());
            }
        }
        return out;
    }

    /**
     * The newest {@code limit} candles, newest first.
     *
     * @throws ApiException 404 when nothing is stored for the symbol and interval
     */
    public List<CandleView> candles(String symbol, Interval interval, int limit) {
        String key = "candles:" + symbol + ":" + interval.code() + ":" + limit + ":"
                + newest.getOrDefault(symbol + ":" + interval.code(), 0L);
        Optional<byte[]> cached = cache.get(key);
        if (cached.isPresent()) {
            return json.readValue(cached.get(), new TypeReference<List<CandleView>>() { });
        }
        CandleSeries series = load(symbol, interval);
        int from = Math.max(0, series.size() - limit);
        long now = clock.millis();
        List<CandleView> views = new ArrayList<>(series.size() - from);
        for (int i = series.size() - 1; i >= from; i--) {
            long open = series.openTime(i);
            long close = open + interval.millis() - 1;
            views.add(new CandleView(open, close, series.open(i), series.high(i), series.low(i), series.close(i),
                    series.volume(i), close < now));
        }
        long nextClose = series.lastOpenTime() + 2 * interval.millis();
        Duration keep = nextClose > now ? Duration.ofMillis(nextClose - now) : UNTIL_TTL;
        cache.put(key, json.writeValueAsBytes(views), keep);
        return views;
    }

    private CandleSeries load(String symbol, Interval interval) {
        CandleSeries series;
        try {
            series = store.readAll(EXCHANGE, symbol, interval).series();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (series.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no stored candles for " + symbol + " " + interval.code()
                    + "; import or download them (./bot-core import-data, download-data)");
        }
        return series;
    }
}
