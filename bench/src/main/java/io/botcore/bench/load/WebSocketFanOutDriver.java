package io.botcore.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * WebSocket fan-out of market data: connects N authenticated clients to a running engine's {@code /ws}, listens
 * for a while, and reports how long each {@code MarketData}/{@code ChartUpdate} message took from the moment the
 * engine stamped it (the envelope's {@code timestamp}, taken just before the engine sends it to the first client)
 * to its arrival at each client. Client and engine run on the same host, so both read the same clock.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.botcore.bench.load.WebSocketFanOutDriver \
 *     --url http://127.0.0.1:8080 --credentials data/demo-credentials --clients 1000 --seconds 30
 * </pre>
 * The credentials file is the one {@code ./bot-core demo} writes ({@code EMAIL / PASSWORD ...}). Target
 * (issue 5): p99 under 50 ms at 1,000 clients.
 */
public final class WebSocketFanOutDriver {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Za-z]+)\"");
    private static final Pattern STAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([0-9T:.Z-]+)\"\\s*}\\s*$");
    private static final long TARGET_P99_MS = 50;

    private WebSocketFanOutDriver() {
    }

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://127.0.0.1:8080");
        Path credentials = Path.of(option(args, "--credentials", "data/demo-credentials"));
        int clients = Integer.parseInt(option(args, "--clients", "1000"));
        int seconds = Integer.parseInt(option(args, "--seconds", "30"));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(5)).build();
        String token = login(http, url, credentials);
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong received = new AtomicLong();
        AtomicLong closed = new AtomicLong();

        URI ws = URI.create(url.replaceFirst("^http", "ws") + "/ws?token=" + token);
        List<CompletableFuture<WebSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connecting.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(ws, new Listener(recorder, received, closed)));
            if (i % 100 == 99) {
                CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
            }
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (CompletableFuture<WebSocket> c : connecting) {
            sockets.add(c.get(30, TimeUnit.SECONDS));
        }
        System.out.printf("%,d clients connected to %s/ws; listening %d s ...%n", sockets.size(), url, seconds);
        recorder.getIntervalHistogram();
        received.set(0);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        Histogram h = recorder.getIntervalHistogram();
        long messages = received.get();
        long closedByEngine = closed.get();
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        pool.shutdownNow();

        double p99 = h.getValueAtPercentile(99) / 1000.0;
        System.out.printf("%n%-10s %12s %9s %9s %9s %9s %9s %10s%n", "clients", "messages", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "target", "p99 ok");
        System.out.printf("%-10s %12s %9.2f %9.2f %9.2f %9.2f %9d %10s%n", String.format("%,d", sockets.size()),
                String.format("%,d", messages), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, p99, h.getMaxValue() / 1000.0, TARGET_P99_MS,
                p99 < TARGET_P99_MS ? "yes" : "NO");
        System.out.printf("%,d market messages timed; %,d connections closed by the engine during the run%n",
                h.getTotalCount(), closedByEngine);
        if (h.getTotalCount() == 0) {
            System.err.println("no market messages arrived: is the engine's feed on (TRADING_FEED=replay)?");
            System.exit(1);
        }
    }

    private static String login(HttpClient http, String url, Path credentials) throws Exception {
        Matcher line = Pattern.compile("^(\\S+@\\S+) / (\\S+)").matcher(
                Files.readString(credentials, StandardCharsets.UTF_8).strip());
        if (!line.find()) {
            throw new IllegalArgumentException(credentials + ": expected 'EMAIL / PASSWORD' as ./bot-core demo writes it");
        }
        String email = line.group(1);
        String password = line.group(2);
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("login failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Times every market message on arrival; assembles messages that arrive in parts. */
    private static final class Listener implements WebSocket.Listener {

        private final Recorder recorder;
        private final AtomicLong received;
        private final AtomicLong closed;
        private final StringBuilder partial = new StringBuilder();

        Listener(Recorder recorder, AtomicLong received, AtomicLong closed) {
            this.recorder = recorder;
            this.received = received;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            Instant now = Instant.now();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received.incrementAndGet();
                Matcher type = TYPE.matcher(text);
                Matcher stamp = STAMP.matcher(text);
                if (type.find() && (type.group(1).equals("MarketData") || type.group(1).equals("ChartUpdate"))
                        && stamp.find()) {
                    Duration took = Duration.between(Instant.parse(stamp.group(1)), now);
                    recorder.recordValue(Math.max(0, took.toNanos() / 1000));
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.incrementAndGet();
            return null;
        }
    }
}
