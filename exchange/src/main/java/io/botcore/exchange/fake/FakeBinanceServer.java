package io.botcore.exchange.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Binance's spot REST API on loopback, for tests and the offline demo. It answers
 * with responses recorded from the real API (resources under {@code io/botcore/exchange/fake/}), except
 * {@code /api/v3/time}, which reports this server's clock in Binance's format. Faults can be injected per
 * path: a delay before answering, or a fixed status and body (429 with {@code Retry-After}, 418, 5xx).
 *
 * <p>Thread-safe.
 */
public final class FakeBinanceServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

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
        delays.put(path, delay);
    }

    /** Every request on {@code path} gets {@code fault} instead of the recorded answer. */
    public void fail(String path, Fault fault) {
        faults.put(path, fault);
    }

    /** Removes injected delays and faults. */
    public void heal() {
        delays.clear();
        faults.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Fault fault = faults.get(path);
            if (fault != null) {
                fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                send(exchange, fault.status(), fault.body());
                return;
            }
            if (path.equals("/api/v3/time")) {
                send(exchange, 200, "{\"serverTime\":" + clock.millis() + "}");
                return;
            }
            String recorded = recorded(path);
            if (recorded == null) {
                send(exchange, 404, "{\"code\":-1,\"msg\":\"not recorded: " + path + "\"}");
            } else {
                exchange.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", "1");
                send(exchange, 200, recorded);
            }
        }
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
        server.stop(0);
        executor.shutdownNow();
    }
}
