package io.botcore.exchange.binance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Binance stream connection that stays up: {@link java.net.http.WebSocket} with reconnects after jittered
 * exponential back-off, a proactive reconnect before Binance's 24-hour connection limit, and a watchdog that
 * abandons a connection silent for too long (a half-open TCP connection never reports its death).
 *
 * <p>Everything the {@link Handler} is told happens on one thread of this object, in order: the URL to connect
 * to, the opening of a connection (where a caller back-fills what it missed), each complete text message. Messages that arrive while {@link Handler#opened()} runs wait for it.
 *
 * <p>Thread-safe.
 */
final class ReconnectingWebSocket implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingWebSocket.class);

    /** What the connection tells its owner, always on the connection's own thread. */
    interface Handler {

        /** The URL to connect to now (a user-data stream asks for a fresh listen key here). */
        URI url();

        /** A connection is open; messages wait until this returns. */
        void opened();

        /** One complete text message. */
        void message(String text);
    }

    /**
     * How the connection behaves.
     *
     * @param backoffBase   first reconnect delay; each failed attempt doubles it
     * @param backoffCap    longest reconnect delay
     * @param rollover      reconnect proactively after this long (Binance closes connections at 24 h)
     * @param staleAfter    abandon a connection that received nothing (not even a ping) for this long
     * @param connectTimeout bound on the opening handshake
     */
    record Settings(Duration backoffBase, Duration backoffCap, Duration rollover, Duration staleAfter,
            Duration connectTimeout) {

        /**
         * Production settings: 1 s doubling to 60 s, rollover at 23 h 30 min, stale after 60 s (Binance pings every
         * 20 s).
         */
        static Settings standard() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(23 * 60 + 30),
                    Duration.ofSeconds(60), Duration.ofSeconds(10));
        }
    }

    private final String name;
    private final Handler handler;
    private final Settings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService thread;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile WebSocket current;
    private volatile long generation;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile long lastMessageAt;
    private volatile long lastActivityAt;
    private volatile long connectedAt;
    private int failedAttempts;

    ReconnectingWebSocket(String name, Handler handler, Settings settings, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects in the background; returns at once. */
    void start() {
        thread.execute(this::connect);
        long check = Math.max(50, settings.staleAfter().toMillis() / 4);
        thread.scheduleWithFixedDelay(this::watch, check, check, TimeUnit.MILLISECONDS);
    }

    boolean connected() {
        return connected;
    }

    /** Connections opened after the first one. */
    long reconnects() {
        return reconnects.get();
    }

    /** Wall-clock time of the last text message, epoch ms; 0 before the first. */
    long lastMessageAt() {
        return lastMessageAt;
    }

    /** Drops the current connection and connects again, after what is already queued. */
    void reconnect(String why) {
        thread.execute(() -> abandon(generation, why));
    }

    private void connect() {
        if (closed) {
            return;
        }
        long myGeneration = ++generation;
        URI url;
        try {
            url = handler.url();
        } catch (RuntimeException e) {
            log.warn("{}: cannot prepare the connection: {}", name, e.getMessage());
            retryLater(myGeneration);
            return;
        }
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout()).buildAsync(url, new Listener(myGeneration))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        thread.execute(() -> {
                            log.warn("{}: connecting failed: {}", name, rootMessage(error));
                            retryLater(myGeneration);
                        });
                    }
                });
    }

    private void opened(WebSocket ws, long myGeneration) {
        if (closed || myGeneration != generation) {
            ws.abort();
            return;
        }
        if (connectedAt != 0) {
            reconnects.incrementAndGet();
        }
        current = ws;
        connected = true;
        failedAttempts = 0;
        connectedAt = clock.millis();
        lastActivityAt = connectedAt;
        log.info("{}: connected", name);
        try {
            handler.opened();
        } catch (RuntimeException e) {
            log.warn("{}: after connecting: {}; reconnecting after a back-off", name, e.getMessage());
            connected = false;
            long next = ++generation;
            ws.abort();
            retryLater(next);
            return;
        }
        thread.schedule(() -> {
            if (myGeneration == generation && !closed) {
                log.info("{}: rolling the connection over before Binance's 24 h limit", name);
                abandon(myGeneration, "rollover");
            }
        }, settings.rollover().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void watch() {
        if (connected && clock.millis() - lastActivityAt > settings.staleAfter().toMillis()) {
            log.warn("{}: nothing received for {} s; reconnecting", name, settings.staleAfter().toSeconds());
            abandon(generation, "stale");
        }
    }

    /** Drops the connection of {@code myGeneration} and connects again at once. */
    private void abandon(long myGeneration, String why) {
        if (myGeneration != generation) {
            return;
        }
        WebSocket ws = current;
        connected = false;
        generation++;
        if (ws != null) {
            ws.abort();
        }
        log.info("{}: connection abandoned ({}); connecting again", name, why);
        connect();
    }

    private void lost(long myGeneration, String why) {
        if (myGeneration != generation || closed) {
            return;
        }
        connected = false;
        log.warn("{}: connection lost ({}); reconnecting", name, why);
        retryLater(myGeneration);
    }

    private void retryLater(long myGeneration) {
        if (closed || myGeneration != generation) {
            return;
        }
        long delay = backoff(failedAttempts++);
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Equal jitter: half of {@code min(cap, base * 2^attempt)} plus a random part of the other half. */
    long backoff(int attempt) {
        long ceiling = Math.min(settings.backoffCap().toMillis(),
                settings.backoffBase().toMillis() << Math.min(attempt, 20));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
        WebSocket ws = current;
        if (ws != null) {
            ws.abort();
        }
        thread.shutdownNow();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    /** Receives frames of one connection and hands complete messages to the connection's thread. */
    private final class Listener implements WebSocket.Listener {

        private final long myGeneration;
        private final StringBuilder partial = new StringBuilder();

        Listener(long myGeneration) {
            this.myGeneration = myGeneration;
        }

        @Override
        public void onOpen(WebSocket ws) {
            thread.execute(() -> opened(ws, myGeneration));
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastActivityAt = clock.millis();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                thread.execute(() -> {
                    if (myGeneration == generation && !closed) {
                        lastMessageAt = clock.millis();
                        try {
                            handler.message(text);
                        } catch (RuntimeException e) {
                            log.warn("{}: a message could not be handled: {}", name, e.toString());
                        }
                    }
                });
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            lastActivityAt = clock.millis();
            return WebSocket.Listener.super.onPing(ws, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            thread.execute(() -> lost(myGeneration, "closed by the server: " + statusCode + " " + reason));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            thread.execute(() -> lost(myGeneration, rootMessage(error)));
        }
    }
}
