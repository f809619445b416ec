package io.botcore.exchange.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.botcore.core.market.CandleSeries;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Binance's spot REST API on loopback, for tests and the offline demo. It answers
 * with responses recorded from the real API (resources under {@code io/botcore/exchange/fake/}), except
 * {@code /api/v3/time}, which reports this server's clock in Binance's format, and {@code /api/v3/klines},
 * which serves recorded real candles registered with {@link #serveKlines} in Binance's kline array layout
 * (fields the recordings lack — quote volume, trade count, taker volumes — are {@code "0"}). Like Binance
 * it reports the request weight used this minute in {@code X-MBX-USED-WEIGHT-1M}. Faults can be injected
 * per path: a delay before answering, or a fixed status and body (429 with {@code Retry-After}, 418, 5xx),
 * always or for the next few requests, or after the request was processed ({@link #failNextAfterProcessing}: the
 * answer is lost but the order stands, as when Binance answers 5xx or a timeout after executing).
 *
 * <p>{@link #spot()} adds a spot account with signed trading endpoints and {@link #streams()} the WebSocket
 * streams; both start on first use.
 *
 * <p>Thread-safe.
 */
public final class FakeBinanceServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> delaysLeft = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> faultsLeft = new ConcurrentHashMap<>();
    private final Map<String, CandleSeries> klines = new ConcurrentHashMap<>();
    private final Map<String, Fault> faultsAfter = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> faultsAfterLeft = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<String> listenKeys = ConcurrentHashMap.newKeySet();
    private FakeStreams streams;
    private FakeSpot spot;
    private long weightMinute = -1;
    private int weightUsed;

    /** An injected answer. */
    public record Fault(int status, String body, Map<String, String> headers) {
    }

    private FakeBinanceServer(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static FakeBinanceServer start(int port, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-binance");
                t.setDaemon(true);
                return t;
            });
            FakeBinanceServer fake = new FakeBinanceServer(server, executor, clock);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake Binance server on port " + port, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every answer on {@code path} waits {@code delay} first. */
    public void delay(String path, Duration delay) {
        delaysLeft.remove(path);
        delays.put(path, delay);
    }

    /** The next {@code count} requests on {@code path} wait {@code delay} before they are processed. */
    public void delayNext(String path, Duration delay, int count) {
        delays.put(path, delay);
        delaysLeft.put(path, new java.util.concurrent.atomic.AtomicInteger(count));
    }

    /** Every request on {@code path} gets {@code fault} instead of the recorded answer. */
    public void fail(String path, Fault fault) {
        faultsLeft.remove(path);
        faults.put(path, fault);
    }

    /** The next {@code count} requests on {@code path} get {@code fault}; later ones are answered normally. */
    public void failNext(String path, Fault fault, int count) {
        faults.put(path, fault);
        faultsLeft.put(path, new java.util.concurrent.atomic.AtomicInteger(count));
    }

    /**
     * The next {@code count} requests on {@code path} are processed as usual (an order is placed), then answered
     * with {@code fault} instead: the caller cannot know the outcome.
     */
    public void failNextAfterProcessing(String path, Fault fault, int count) {
        faultsAfter.put(path, fault);
        faultsAfterLeft.put(path, new java.util.concurrent.atomic.AtomicInteger(count));
    }

    /** The spot account (signed trading endpoints), started on first use. */
    public synchronized FakeSpot spot() {
        if (spot == null) {
            spot = new FakeSpot(clock, streams(), listenKeys);
        }
        return spot;
    }

    /** The WebSocket streams, started on first use. */
    public synchronized FakeStreams streams() {
        if (streams == null) {
            streams = new FakeStreams(listenKeys);
        }
        return streams;
    }

    /** Serves {@code candles} (recorded real data) on {@code /api/v3/klines} for {@code symbol}. */
    public void serveKlines(String symbol, CandleSeries candles) {
        klines.put(symbol + "/" + candles.interval().code(), candles);
    }

    /** Requests received so far, on any path. */
    public int requestCount() {
        return requests.get();
    }

    /** Removes injected delays and faults. */
    public void heal() {
        delays.clear();
        delaysLeft.clear();
        faults.clear();
        faultsLeft.clear();
        faultsAfter.clear();
        faultsAfterLeft.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.incrementAndGet();
            Duration delay = activeDelay(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Fault fault = activeFault(path, faults, faultsLeft);
            if (fault != null) {
                fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                send(exchange, fault.status(), fault.body());
                return;
            }
            exchange.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", String.valueOf(
                    useWeight(path.equals("/api/v3/klines") ? 2 : 1)));
            if (path.equals("/api/v3/time")) {
                send(exchange, 200, "{\"serverTime\":" + clock.millis() + "}");
                return;
            }
            if (path.equals("/api/v3/klines")) {
                klines(exchange);
                return;
            }
            FakeSpot account = currentSpot();
            FakeSpot.Answer answer = account == null ? null : account.handle(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"));
            if (answer != null) {
                Fault lost = activeFault(path, faultsAfter, faultsAfterLeft);
                if (lost != null) {
                    lost.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    send(exchange, lost.status(), lost.body());
                } else {
                    send(exchange, answer.status(), answer.body());
                }
                return;
            }
            String recorded = recorded(path);
            if (recorded == null) {
                send(exchange, 404, "{\"code\":-1,\"msg\":\"not recorded: " + path + "\"}");
            } else {
                send(exchange, 200, recorded);
            }
        }
    }

    private static Fault activeFault(String path, Map<String, Fault> faults,
            Map<String, java.util.concurrent.atomic.AtomicInteger> faultsLeft) {
        Fault fault = faults.get(path);
        java.util.concurrent.atomic.AtomicInteger left = faultsLeft.get(path);
        if (fault != null && left != null && left.getAndDecrement() <= 0) {
            faults.remove(path);
            faultsLeft.remove(path);
            return null;
        }
        return fault;
    }

    private Duration activeDelay(String path) {
        Duration delay = delays.get(path);
        java.util.concurrent.atomic.AtomicInteger left = delaysLeft.get(path);
        if (delay != null && left != null && left.getAndDecrement() <= 0) {
            delays.remove(path);
            delaysLeft.remove(path);
            return null;
        }
        return delay;
    }

    private synchronized FakeSpot currentSpot() {
        return spot;
    }

    private synchronized int useWeight(int weight) {
        long minute = System.currentTimeMillis() / 60_000;
        if (minute != weightMinute) {
            weightMinute = minute;
            weightUsed = 0;
        }
        weightUsed += weight;
        return weightUsed;
    }

    private void klines(HttpExchange exchange) throws IOException {
        Map<String, String> query = new java.util.HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : (raw == null ? "" : raw).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        CandleSeries series = klines.get(query.get("symbol") + "/" + query.get("interval"));
        if (series == null) {
            send(exchange, 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
            return;
        }
        long from = Long.parseLong(query.getOrDefault("startTime", "0"));
        long to = Long.parseLong(query.getOrDefault("endTime", String.valueOf(Long.MAX_VALUE)));
        int limit = Math.min(1000, Integer.parseInt(query.getOrDefault("limit", "500")));
        long step = series.interval().millis();
        StringBuilder body = new StringBuilder("[");
        int found = 0;
        for (int i = Math.max(0, firstAtOrAfter(series, from)); i < series.size() && found < limit; i++) {
            long open = series.openTime(i);
            if (open > to) {
                break;
            }
            body.append(found++ == 0 ? "" : ",").append('[').append(open).append(",\"")
                    .append(decimal(series.open(i))).append("\",\"").append(decimal(series.high(i))).append("\",\"")
                    .append(decimal(series.low(i))).append("\",\"").append(decimal(series.close(i))).append("\",\"")
                    .append(decimal(series.volume(i))).append("\",").append(open + step - 1)
                    .append(",\"0\",0,\"0\",\"0\",\"0\"]");
        }
        send(exchange, 200, body.append(']').toString());
    }

    private static int firstAtOrAfter(CandleSeries series, long time) {
        int lo = 0;
        int hi = series.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (series.openTime(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String decimal(double value) {
        return new java.math.BigDecimal(Double.toString(value)).toPlainString();
    }

    private static String recorded(String path) throws IOException {
        String resource = path.replaceFirst("^/", "").replace('/', '_') + ".json";
        try (InputStream in = FakeBinanceServer.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (streams != null) {
                streams.stop();
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
