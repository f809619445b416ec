package io.botcore.exchange.binance;

import io.botcore.core.market.Candle;
import io.botcore.core.market.Interval;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Closed candles of several symbols from Binance's combined kline streams ({@code /stream?streams=
 * <symbol>@kline_<interval>/...}), without gaps and without duplicates across disconnects.
 *
 * <p>Only final kline updates ({@code "x": true}) are delivered. After every (re)connect, and whenever a closed
 * candle arrives more than one interval after the last one delivered, the missing candles are fetched over REST
 * ({@code /api/v3/klines}, through the shared weight budget) and delivered first, in order; a candle at or before
 * the last one delivered is dropped. The connection reconnects after jittered exponential back-off, rolls over
 * before Binance's 24-hour limit, and is abandoned when silent for too long.
 *
 * <p>The listener is called on the stream's own thread, one candle at a time, in open-time order per symbol.
 * Thread-safe.
 */
public final class BinanceKlineStream implements AutoCloseable {

    /** Binance's live market streams. */
    public static final URI LIVE = URI.create("wss://stream.binance.com:9443");
    /** The spot testnet's streams. */
    public static final URI TESTNET = URI.create("wss://stream.testnet.binance.vision");

    private static final Logger log = LoggerFactory.getLogger(BinanceKlineStream.class);

    /** Receives each closed candle once. */
    @FunctionalInterface
    public interface Listener {
        void closed(String symbol, Candle candle);
    }

    /**
     * Connection behaviour.
     *
     * @param backoffBase first reconnect delay, doubling per failed attempt
     * @param backoffCap  longest reconnect delay
     * @param rollover    reconnect proactively after this long (Binance's limit is 24 h)
     * @param staleAfter  abandon a connection silent for this long
     */
    public record Settings(Duration backoffBase, Duration backoffCap, Duration rollover, Duration staleAfter) {

        /** 1 s doubling to 60 s, rollover at 23 h 30 min, stale after 60 s without a message or ping. */
        public static Settings standard() {
            ReconnectingWebSocket.Settings s = ReconnectingWebSocket.Settings.standard();
            return new Settings(s.backoffBase(), s.backoffCap(), s.rollover(), s.staleAfter());
        }
    }

    /**
     * The stream's state, for health and metrics.
     *
     * @param connected          whether a connection is open
     * @param reconnects         connections opened after the first
     * @param lastMessageAt      wall-clock time of the last message, epoch ms; 0 before the first
     * @param lastClosedOpenTime newest delivered open time per symbol, epoch ms (absent before the first)
     * @param backfilled         candles fetched over REST to close gaps
     */
    public record Status(boolean connected, long reconnects, long lastMessageAt, Map<String, Long> lastClosedOpenTime,
            long backfilled) {
    }

    private final BinanceRestClient rest;
    private final URI url;
    private final Interval interval;
    private final Listener listener;
    private final Clock marketClock;
    private final Map<String, Long> last = new LinkedHashMap<>();
    private final Map<String, String> symbolsByStream = new LinkedHashMap<>();
    private final AtomicLong backfilled = new AtomicLong();
    private final ReconnectingWebSocket connection;

    /**
     * @param rest          REST client for back-fills
     * @param streamBaseUrl e.g. {@link #LIVE}
     * @param symbols       upper case, e.g. {@code BTCUSDT}
     * @param interval      candle interval
     * @param resumeAfter   per symbol, the open time of the newest candle already held (e.g. in the candle store);
     *                      the first connection back-fills from there. A symbol without one starts at the first
     *                      closed candle the stream sends.
     * @param listener      receives the closed candles
     * @param settings      connection behaviour
     * @param marketClock   decides which candles have closed (the exchange's time)
     */
    public BinanceKlineStream(BinanceRestClient rest, URI streamBaseUrl, List<String> symbols, Interval interval,
            Map<String, Long> resumeAfter, Listener listener, Settings settings, Clock marketClock) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.marketClock = Objects.requireNonNull(marketClock, "marketClock");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty");
        }
        StringBuilder streams = new StringBuilder();
        for (String symbol : symbols) {
            String stream = symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval.code();
            symbolsByStream.put(stream, symbol);
            streams.append(streams.length() == 0 ? "" : "/").append(stream);
            Long after = resumeAfter.get(symbol);
            if (after != null) {
                last.put(symbol, after);
            }
        }
        this.url = URI.create(streamBaseUrl + "/stream?streams=" + streams);
        this.connection = new ReconnectingWebSocket("binance-klines", new Handler(), new ReconnectingWebSocket.Settings(
                settings.backoffBase(), settings.backoffCap(), settings.rollover(), settings.staleAfter(),
                Duration.ofSeconds(10)), Clock.systemUTC());
    }

    /** Connects in the background. */
    public void start() {
        connection.start();
    }

    public Status status() {
        Map<String, Long> newest;
        synchronized (last) {
            newest = Map.copyOf(last);
        }
        return new Status(connection.connected(), connection.reconnects(), connection.lastMessageAt(), newest,
                backfilled.get());
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Delivers {@code candle} unless it is not newer than the last one of {@code symbol}. */
    private void deliver(String symbol, Candle candle) {
        synchronized (last) {
            Long newest = last.get(symbol);
            if (newest != null && candle.openTime() <= newest) {
                return;
            }
            last.put(symbol, candle.openTime());
        }
        listener.closed(symbol, candle);
    }

    /** Fetches and delivers the closed candles of {@code symbol} after the last delivered, before {@code before}. */
    private void backfill(String symbol, long before) {
        Long newest;
        synchronized (last) {
            newest = last.get(symbol);
        }
        if (newest == null) {
            return;
        }
        long from = newest + interval.millis();
        while (from < before) {
            long now = marketClock.millis();
            List<BinanceRestClient.Kline> page = rest.klines(symbol, interval, from, before - 1,
                    BinanceRestClient.MAX_KLINES);
            List<Candle> closed = new ArrayList<>();
            for (BinanceRestClient.Kline kline : page) {
                if (kline.closeTime() < now) {
                    closed.add(kline.candle());
                }
            }
            for (Candle candle : closed) {
                deliver(symbol, candle);
            }
            backfilled.addAndGet(closed.size());
            if (closed.size() < page.size() || page.size() < BinanceRestClient.MAX_KLINES) {
                break;
            }
            from = closed.get(closed.size() - 1).openTime() + interval.millis();
        }
    }

    private final class Handler implements ReconnectingWebSocket.Handler {

        @Override
        public URI url() {
            return url;
        }

        @Override
        public void opened() {
            long now = marketClock.millis();
            for (String symbol : symbolsByStream.values()) {
                backfill(symbol, now);
            }
        }

        @Override
        public void message(String text) {
            JsonNode root = BinanceHttp.JSON.readTree(text);
            String symbol = symbolsByStream.get(root.path("stream").asString(""));
            JsonNode k = root.path("data").path("k");
            if (symbol == null || !k.path("x").asBoolean(false)) {
                return;
            }
            Candle candle = new Candle(k.path("t").asLong(), number(k, "o"), number(k, "h"), number(k, "l"),
                    number(k, "c"), number(k, "v"));
            try {
                backfill(symbol, candle.openTime());
            } catch (RuntimeException e) {
                log.warn("kline stream: back-filling {} before {} failed ({}); the next closed candle retries", symbol,
                        candle.openTime(), e.getMessage());
                return;
            }
            deliver(symbol, candle);
        }

        private double number(JsonNode k, String field) {
            return Double.parseDouble(k.path(field).asString());
        }
    }
}
