package io.botcore.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.ai.AiApplication;
import io.botcore.ai.AiSettings;
import io.botcore.ai.analysis.ActiveModel;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.ai.training.Promotion;
import io.botcore.ai.training.TrainCommandSupport;
import io.botcore.ai.training.TrainingOptions;
import io.botcore.ai.training.TrainingResult;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.platform.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Load driver of the AI service on real data, in one run:
 * <ol>
 *   <li>times the training of {@code bot-core ai train} (purged walk-forward of logistic regression and
 *       gradient-boosted trees, then the final models) on the five recorded years of BTCUSDT 1h candles, against
 *       the 60 s goal;</li>
 *   <li>starts the AI service on loopback with those models (in-memory MongoDB, in-process cache) and sends
 *       {@code POST /api/ai/analyze} with 200-candle windows from one client thread: warm-up, then distinct windows
 *       (every answer computed by the model) and repeated windows (answered from the cache), once per model kind;
 *       {@code GET /health} on the same server is the reference: the cost of the HTTP stack alone.</li>
 * </ol>
 * Prints p50, p95, p99 and max in milliseconds (HdrHistogram, 3 significant digits).
 *
 * <p>Run: {@code bench/run-ai-bench.sh [requests] [--latency-only]} (default 2000 requests per row;
 * {@code --latency-only} trains on the last 11,100 candles only, to measure the latency sooner).
 */
public final class AiLoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WINDOW = 200;
    /** Candles trained on with {@code --latency-only}: one walk-forward fold, enough for the models to serve. */
    private static final int LATENCY_ONLY_CANDLES = 11_100;
    private static final String BTC_1H = "binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz";

    private AiLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int requests = 2_000;
        boolean latencyOnly = false;
        for (String arg : args) {
            if (arg.equals("--latency-only")) {
                latencyOnly = true;
            } else {
                requests = Integer.parseInt(arg);
            }
        }
        Path root = BenchData.root();
        CandleSeries candles = CandleCsvReader.read(root.resolve("data/recorded").resolve(BTC_1H), Interval.H1);
        Path dir = Files.createTempDirectory("bot-core-ai-bench");
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        System.out.printf("AI service benchmark, %d cores, %,d real BTCUSDT 1h candles %s .. %s%n%n",
                Runtime.getRuntime().availableProcessors(), candles.size(),
                Instant.ofEpochMilli(candles.firstOpenTime()), Instant.ofEpochMilli(candles.lastOpenTime()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase database = client.getDatabase("bot_core_bench");
            ModelRegistry registry = ModelRegistry.open(dir.resolve("models"), database, Clock.systemUTC());
            List<ModelMetadata> models = train(registry, latencyOnly
                    ? candles.slice(candles.size() - LATENCY_ONLY_CANDLES, candles.size()) : candles, dir);
            String secret = HexFormat.of().formatHex(randomBytes());
            String token = token(user(database), secret);
            AiSettings settings = AiSettings.from(ConfigLoader.load(null, AiSettings.SETTINGS,
                    Map.of("DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_bench", "JWT_SECRET", secret),
                    Map.of("server.host", "127.0.0.1", "server.port", "0", "logging.dir", dir.toString(),
                            "logging.level", "warn", "paths.data_dir", dir.toString())));
            ConfigurableApplicationContext ai = AiApplication.start(settings);
            try {
                URI base = URI.create("http://127.0.0.1:" + ai.getEnvironment().getProperty("local.server.port"));
                latency(ai, registry, models, base, token, candles, requests);
            } finally {
                ai.close();
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static List<ModelMetadata> train(ModelRegistry registry, CandleSeries candles, Path dir)
            throws Exception {
        TrainingOptions options = TrainingOptions.defaults(Interval.H1)
                .withPromotion(Promotion.BEST_IF_BETTER_THAN_BASELINE);
        long started = System.nanoTime();
        TrainingResult result = new TrainCommandSupport(registry).train(candles, "BTCUSDT", Interval.H1, options,
                (fraction, stage) -> { }, dir.resolve("report"));
        double total = (System.nanoTime() - started) / 1e9;
        System.out.printf("training on %,d candles (ai train defaults: %d folds x %d models, %d threads)%n",
                candles.size(),
                result.walkForward().plan().folds().size(), options.models().size(), options.threads());
        System.out.printf("  walk-forward %.1f s + final models %.1f s + report = %.1f s total; goal < 60 s: %s%n",
                result.walkForwardTime().toMillis() / 1000.0, result.finalTrainTime().toMillis() / 1000.0, total,
                total < 60 ? "met" : "missed");
        result.walkForward().verdicts().forEach(v -> System.out.println("  " + v.text()));
        System.out.println("  " + result.promotionNote());
        System.out.println();
        return result.registered();
    }

    private static void latency(ConfigurableApplicationContext ai, ModelRegistry registry, List<ModelMetadata> models,
            URI base, String token, CandleSeries candles, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int end = candles.size();
        List<byte[]> warm = bodies(candles, end - 3 * requests - 1_000, 1_000);
        String format = "%-34s %8s %8s %8s %8s %8s%n";
        System.out.printf("latency, one client thread on loopback, %d-candle windows, %d requests per row%n", WINDOW,
                requests);
        System.out.printf(format, "route", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
        for (ModelMetadata model : models) {
            registry.promote(model.version());
            ai.getBean(ActiveModel.class).refresh();
            String kind = model.description().kind().code();
            run(http, base, token, warm, false);
            List<byte[]> distinct = bodies(candles, end - (models.indexOf(model) + 1) * requests, requests);
            print(format, "analyze " + kind + ", distinct windows", run(http, base, token, distinct, false));
            List<byte[]> same = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                same.add(distinct.get(0));
            }
            print(format, "analyze " + kind + ", cached window", run(http, base, token, same, false));
        }
        List<byte[]> none = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            none.add(null);
        }
        run(http, base, token, none.subList(0, Math.min(1_000, requests)), true);
        print(format, "GET /health (reference)", run(http, base, token, none, true));
        System.out.println("goal: analyze p95 < 20 ms (warm, loopback, 200-candle window)");
    }

    private static void print(String format, String name, Result r) {
        Histogram h = r.histogram();
        System.out.printf(format, name, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()),
                String.format("%,.0f", h.getTotalCount() / r.seconds()));
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    private record Result(Histogram histogram, double seconds) {
    }

    private static Result run(HttpClient http, URI base, String token, List<byte[]> bodies, boolean health)
            throws Exception {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        long started = System.nanoTime();
        for (byte[] body : bodies) {
            HttpRequest request = health ? HttpRequest.newBuilder(base.resolve("/health")).build()
                    : HttpRequest.newBuilder(base.resolve("/api/ai/analyze")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            histogram.recordValue(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return new Result(histogram, (System.nanoTime() - started) / 1e9);
    }

    /** Request bodies of {@code count} consecutive 200-candle windows, the first ending at bar {@code firstEnd}. */
    private static List<byte[]> bodies(CandleSeries candles, int firstEnd, int count) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int end = firstEnd; end < firstEnd + count; end++) {
            ArrayNode list = JSON.createArrayNode();
            for (int i = end - WINDOW; i < end; i++) {
                list.addObject().put("open_time", candles.openTime(i)).put("open", candles.open(i))
                        .put("high", candles.high(i)).put("low", candles.low(i)).put("close", candles.close(i))
                        .put("volume", candles.volume(i));
            }
            ObjectNode body = JSON.createObjectNode().put("symbol", "BTCUSDT")
                    .put("current_price", candles.close(end - 1)).put("timestamp", candles.openTime(end - 1));
            body.putObject("timeframe_data").set("1h", list);
            bodies.add(JSON.writeValueAsBytes(body));
        }
        return bodies;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String user(MongoDatabase database) {
        ObjectId id = new ObjectId();
        database.getCollection("users").insertOne(new Document("_id", id).append("email", "bench@example.com")
                .append("role", "user").append("is_active", true).append("token_version", 0)
                .append("created_at", new Date()));
        return id.toHexString();
    }

    /** An access token as the engine issues it. */
    private static String token(String userId, String secret) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("bot-core").audience("bot-core-api").subject(userId)
                .claim("role", "user").claim("ver", 0).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(2)))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
