package io.botcore.exchange.fake;

import io.botcore.core.market.Candle;
import io.botcore.core.market.Interval;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake's WebSocket side, on a port of its own like Binance's stream host: market streams as raw
 * ({@code /ws/<stream>}) or combined ({@code /stream?streams=a/b}, each message wrapped in
 * {@code {"stream": ..., "data": ...}}) connections, and user-data streams ({@code /ws/<listenKey>}). Tests push
 * kline events and can drop every connection at once, as a network failure would. Like Binance (every 20 s) it
 * pings each connection, here every second, so a client can tell a quiet stream from a dead one.
 *
 * <p>Thread-safe.
 */
public final class FakeStreams {

    private final Server server;
    private final Map<WebSocket, Subscription> connections = new ConcurrentHashMap<>();
    private final Set<String> listenKeys;

    /** What one connection follows. */
    private record Subscription(boolean combined, Set<String> streams) {
    }

    FakeStreams(Set<String> listenKeys) {
        this.listenKeys = listenKeys;
        this.server = new Server();
        server.setReuseAddr(true);
        server.setConnectionLostTimeout(1);
        server.setDaemon(true);
        server.start();
        try {
            if (!server.started.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake Binance streams did not start within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fake Binance streams", e);
        }
    }

    /** {@code ws://127.0.0.1:<port>}, the stream base URL. */
    public URI baseUrl() {
        return URI.create("ws://127.0.0.1:" + server.getPort());
    }

    /** Open connections following at least one market stream. */
    public int marketConnections() {
        return count(s -> s.streams().stream().noneMatch(listenKeys::contains));
    }

    /** Open user-data connections. */
    public int userDataConnections() {
        return count(s -> s.streams().stream().anyMatch(listenKeys::contains));
    }

    private int count(Predicate<Subscription> which) {
        int n = 0;
        for (Map.Entry<WebSocket, Subscription> e : connections.entrySet()) {
            if (e.getKey().isOpen() && which.test(e.getValue())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Sends a kline event ({@code <symbol>@kline_<interval>}) for {@code candle} to its followers.
     *
     * @param eventTime {@code E}, epoch ms
     * @param closed    {@code x}: whether this is the candle's final update
     */
    public void pushKline(String symbol, Interval interval, Candle candle, long eventTime, boolean closed) {
        String stream = symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval.code();
        String data = "{\"e\":\"kline\",\"E\":" + eventTime + ",\"s\":\"" + symbol + "\",\"k\":{\"t\":"
                + candle.openTime() + ",\"T\":" + (candle.openTime() + interval.millis() - 1) + ",\"s\":\"" + symbol
                + "\",\"i\":\"" + interval.code() + "\",\"f\":0,\"L\":0,\"o\":\"" + decimal(candle.open())
                + "\",\"c\":\"" + decimal(candle.close()) + "\",\"h\":\"" + decimal(candle.high()) + "\",\"l\":\""
                + decimal(candle.low()) + "\",\"v\":\"" + decimal(candle.volume()) + "\",\"n\":0,\"x\":" + closed
                + ",\"q\":\"0\",\"V\":\"0\",\"Q\":\"0\",\"B\":\"0\"}}";
        publish(stream, data);
    }

    /** Sends {@code event} (a JSON object) to the user-data connections of {@code listenKey}. */
    void pushUserData(String listenKey, String event) {
        publish(listenKey, event);
    }

    private void publish(String stream, String data) {
        for (Map.Entry<WebSocket, Subscription> e : connections.entrySet()) {
            Subscription s = e.getValue();
            if (s.streams().contains(stream) && e.getKey().isOpen()) {
                e.getKey().send(s.combined() ? "{\"stream\":\"" + stream + "\",\"data\":" + data + "}" : data);
            }
        }
    }

    /** Drops every connection without a closing handshake, as a network failure would. */
    public void dropAll() {
        for (WebSocket connection : new ArrayList<>(connections.keySet())) {
            connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
        }
    }

    /** Closes every connection of {@code listenKey} (Binance does so when a listen key expires or is closed). */
    void closeUserData(String listenKey) {
        connections.forEach((connection, s) -> {
            if (s.streams().contains(listenKey)) {
                connection.close(CloseFrame.NORMAL, "listen key closed");
            }
        });
    }

    void stop() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String decimal(double value) {
        return new BigDecimal(Double.toString(value)).toPlainString();
    }

    private final class Server extends WebSocketServer {

        private final CountDownLatch started = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            String resource = handshake.getResourceDescriptor();
            if (resource.startsWith("/stream?streams=")) {
                connections.put(connection, new Subscription(true, Set.copyOf(Arrays.asList(
                        resource.substring("/stream?streams=".length()).split("/")))));
            } else if (resource.startsWith("/ws/") && resource.length() > 4) {
                String stream = resource.substring(4);
                if (stream.contains("@") || listenKeys.contains(stream)) {
                    connections.put(connection, new Subscription(false, Set.of(stream)));
                    return;
                }
                connection.close(CloseFrame.POLICY_VALIDATION, "unknown listen key or stream");
            } else {
                connection.close(CloseFrame.POLICY_VALIDATION, "no stream at " + resource);
            }
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            connections.remove(connection);
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            // Binance ignores what a client sends on a raw stream other than subscription requests, which the
            // fake does not need.
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
            if (connection != null) {
                connections.remove(connection);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
