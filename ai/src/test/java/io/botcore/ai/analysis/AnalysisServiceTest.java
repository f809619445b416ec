package io.botcore.ai.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.ai.AiApplication;
import io.botcore.ai.AiSettings;
import io.botcore.ai.features.FeatureExtractor;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.labels.Direction;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.ai.registry.RegisteredModel;
import io.botcore.ai.testdata.RecordedData;
import io.botcore.ai.testdata.TestModels;
import io.botcore.ai.testdata.TestTokens;
import io.botcore.core.market.CandleSeries;
import io.botcore.platform.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The analysis routes of a running AI service with a model trained on real candles promoted in its registry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A 200-candle window well after the model's training rows. */
    private static final int WINDOW_END = 4_200;

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private MongoClient client;
    private ConfigurableApplicationContext ai;
    private URI base;
    private String token;
    private ModelMetadata metadata;
    private RegisteredModel model;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
        MongoDatabase database = client.getDatabase("bot_core_test");
        ModelRegistry registry = ModelRegistry.open(dir.resolve("models"), database, Clock.systemUTC());
        metadata = TestModels.registerAndPromote(registry);
        model = registry.load(metadata.version());
        token = TestTokens.token(TestTokens.user(database, true), 0, TestTokens.SECRET);
        AiSettings settings = AiSettings.from(ConfigLoader.load(null, AiSettings.SETTINGS,
                Map.of("DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_test", "JWT_SECRET",
                        TestTokens.SECRET),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString())));
        ai = AiApplication.start(settings);
        base = URI.create("http://127.0.0.1:" + ai.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        ai.close();
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void shouldAnswerWithTheModelsProbabilitiesAndTheSignalItsThresholdGives() throws Exception {
        CandleSeries window = window(WINDOW_END - 200, WINDOW_END);

        JsonNode data = ok(post("/api/ai/analyze", request(window, false, true)));

        double[] expected = model.model().predict(FeatureExtractor.compute(window).row(199));
        JsonNode p = data.path("probabilities");
        assertThat(p.path("down").asDouble()).isCloseTo(expected[Direction.DOWN.ordinal()], within(1e-12));
        assertThat(p.path("flat").asDouble()).isCloseTo(expected[Direction.FLAT.ordinal()], within(1e-12));
        assertThat(p.path("up").asDouble()).isCloseTo(expected[Direction.UP.ordinal()], within(1e-12));
        double score = expected[Direction.UP.ordinal()] - expected[Direction.DOWN.ordinal()];
        String signal = score > TestModels.SIGNAL_THRESHOLD ? "Long"
                : score < -TestModels.SIGNAL_THRESHOLD ? "Short" : "Neutral";
        assertThat(data.path("signal").asString()).isEqualTo(signal);
        int signalled = signal.equals("Long") ? Direction.UP.ordinal()
                : signal.equals("Short") ? Direction.DOWN.ordinal() : Direction.FLAT.ordinal();
        assertThat(data.path("confidence").asDouble()).isCloseTo(expected[signalled], within(1e-12));
        assertThat(data.path("model_version").asString()).isEqualTo(metadata.version());
        assertThat(data.path("candle_open_time").asLong()).isEqualTo(window.lastOpenTime());
        assertThat(data.path("strategy_scores").has("rsi")).isTrue();
    }

    @Test
    void shouldGiveAsReasonsTheFeaturesWhoseMedianChangesTheScoreMost() throws Exception {
        CandleSeries window = window(WINDOW_END - 300, WINDOW_END - 100);
        double[] row = FeatureExtractor.compute(window).row(199);
        double[] medians = metadata.description().trainingDistribution().medians();
        double[] p = model.model().predict(row);
        double[] contributions = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            double[] occluded = row.clone();
            occluded[i] = medians[i];
            double[] q = model.model().predict(occluded);
            contributions[i] = (p[2] - p[0]) - (q[2] - q[0]);
        }
        int largest = 0;
        for (int i = 1; i < row.length; i++) {
            if (Math.abs(contributions[i]) > Math.abs(contributions[largest])) {
                largest = i;
            }
        }

        JsonNode reasons = ok(post("/api/ai/analyze", request(window, true, false))).path("reasons");

        assertThat(reasons.size()).isEqualTo(5);
        assertThat(reasons.get(0).path("feature").asString()).isEqualTo(FeatureMatrix.columnNames().get(largest));
        assertThat(reasons.get(0).path("contribution").asDouble()).isCloseTo(contributions[largest], within(1e-12));
        assertThat(reasons.get(0).path("value").asDouble()).isEqualTo(row[largest]);
    }

    @Test
    void shouldServeARepeatFromTheCacheAndANewCandleFromTheModel() throws Exception {
        CandleSeries first = window(WINDOW_END - 250, WINDOW_END - 50);
        CandleSeries next = window(WINDOW_END - 249, WINDOW_END - 49);

        JsonNode a = ok(post("/api/ai/analyze", request(first, false, false)));
        JsonNode b = ok(post("/api/ai/analyze", request(first, false, false)));
        JsonNode c = ok(post("/api/ai/analyze", request(next, false, false)));

        assertThat(a.path("cached").asBoolean()).isFalse();
        assertThat(b.path("cached").asBoolean()).isTrue();
        assertThat(b.path("probabilities")).isEqualTo(a.path("probabilities"));
        assertThat(c.path("cached").asBoolean()).isFalse();
        assertThat(c.path("candle_open_time").asLong()).isEqualTo(next.lastOpenTime());
    }

    @Test
    void shouldNameTheFieldAndTheRuleOfABadRequest() throws Exception {
        ObjectNode body = request(window(WINDOW_END - 200, WINDOW_END), false, false);
        ((ObjectNode) body.path("timeframe_data").path("1h").get(7)).put("close", -5);

        HttpResponse<String> bad = post("/api/ai/analyze", body);
        HttpResponse<String> noSymbol = post("/api/ai/analyze", request(window(0, 200), false, false)
                .put("symbol", "btc usdt"));
        HttpResponse<String> tooFew = post("/api/ai/analyze", request(window(0, 20), false, false));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("details").get(0).path("field").asString())
                .isEqualTo("timeframe_data.1h[7].close");
        assertThat(JSON.readTree(noSymbol.body()).path("details").get(0).path("field").asString()).isEqualTo("symbol");
        assertThat(tooFew.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooFew.body()).path("error").asString()).contains("needs at least 34 candles");
    }

    @Test
    void shouldRefuseAMarketTheModelWasNotTrainedOn() throws Exception {
        HttpResponse<String> response = post("/api/ai/analyze", request(window(0, 200), false, false)
                .put("symbol", "ETHUSDT"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).path("error").asString()).contains("trained on BTCUSDT 1h");
    }

    @Test
    void shouldRefuseAnalysesWithoutAValidTokenButKeepStatusOpen() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(base.resolve("/api/ai/analyze"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String forged = TestTokens.token(TestTokens.user(client.getDatabase("bot_core_test"), true), 0,
                TestTokens.SECRET.replace('a', 'b'));
        String disabled = TestTokens.token(TestTokens.user(client.getDatabase("bot_core_test"), false), 0,
                TestTokens.SECRET);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(post("/api/ai/analyze", JSON.createObjectNode(), forged).statusCode()).isEqualTo(401);
        assertThat(post("/api/ai/analyze", JSON.createObjectNode(), disabled).statusCode()).isEqualTo(401);
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(base.resolve("/api/ai/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode model = JSON.readTree(status.body()).path("data").path("model");
        assertThat(model.path("state").asString()).isEqualTo("active");
        assertThat(model.path("active_version").asString()).isEqualTo(metadata.version());
    }

    @Test
    void shouldDescribeTheServingModelAndStoreFeedback() throws Exception {
        HttpResponse<String> info = http.send(HttpRequest.newBuilder(base.resolve("/api/ai/info"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode feedback = JSON.createObjectNode().put("signal_id", "s-1").put("symbol", "BTCUSDT")
                .put("predicted_signal", "Long").put("actual_outcome", "win").put("profit_loss", 12.5)
                .put("confidence_was_accurate", true).put("timestamp", 1_700_000_000_000L);
        HttpResponse<String> stored = post("/api/ai/feedback", feedback);
        HttpResponse<String> wrong = post("/api/ai/feedback", feedback.deepCopy().put("predicted_signal", "Up"));

        JsonNode data = JSON.readTree(info.body()).path("data");
        assertThat(data.path("model_version").asString()).isEqualTo(metadata.version());
        assertThat(data.path("supported_symbols").get(0).asString()).isEqualTo("BTCUSDT");
        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(client.getDatabase("bot_core_test").getCollection("ai_feedback").countDocuments()).isEqualTo(1);
        assertThat(JSON.readTree(wrong.body()).path("details").get(0).path("field").asString())
                .isEqualTo("predicted_signal");
    }

    @Test
    void shouldPublishPredictionMetricsAndFeatureDrift() throws Exception {
        for (int end = 5_000; end < 5_060; end++) {
            ok(post("/api/ai/analyze", request(window(end - 100, end), false, false)));
        }

        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metrics).contains("bot_core_ai_prediction_latency_seconds_bucket{cache=\"miss\"")
                .containsPattern("bot_core_ai_predictions_total\\{.*signal=\"(Long|Short|Neutral)\"")
                .containsPattern("bot_core_ai_model_age_seconds\\{[^}]*\\} [0-9]")
                .containsPattern("bot_core_ai_feature_drift_psi\\{feature=\"rsi_14\"[^}]*\\} [0-9]")
                .contains("bot_core_ai_training_runs_total{result=\"failure\"");
    }

    private static CandleSeries window(int from, int to) {
        return RecordedData.hourly(RecordedData.BTC_1H).slice(from, to);
    }

    /** The engine's shape (open_time, newest first, numbers as strings) or the AI service's (timestamp). */
    private static ObjectNode request(CandleSeries candles, boolean engineShape, boolean newestFirst) {
        ArrayNode list = JSON.createArrayNode();
        for (int k = 0; k < candles.size(); k++) {
            int i = newestFirst ? candles.size() - 1 - k : k;
            ObjectNode c = list.addObject();
            c.put(engineShape ? "open_time" : "timestamp", candles.openTime(i));
            if (engineShape) {
                c.put("open", Double.toString(candles.open(i))).put("high", Double.toString(candles.high(i)))
                        .put("low", Double.toString(candles.low(i))).put("close", Double.toString(candles.close(i)))
                        .put("volume", Double.toString(candles.volume(i)));
            } else {
                c.put("open", candles.open(i)).put("high", candles.high(i)).put("low", candles.low(i))
                        .put("close", candles.close(i)).put("volume", candles.volume(i));
            }
        }
        ObjectNode body = JSON.createObjectNode().put("symbol", "BTCUSDT")
                .put("current_price", candles.close(candles.size() - 1)).put("timestamp", candles.lastOpenTime());
        body.putObject("timeframe_data").set("1h", list);
        return body;
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data");
    }

    private HttpResponse<String> post(String path, JsonNode body) throws Exception {
        return post(path, body, token);
    }

    private HttpResponse<String> post(String path, JsonNode body, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
