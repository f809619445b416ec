package io.botcore.ai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.botcore.ai.evaluation.Fold;
import io.botcore.ai.evaluation.TradingResult;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.ai.registry.RegisteredModel;
import io.botcore.ai.testdata.RecordedData;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One training run on two real years of BTCUSDT 1h (2020-09-20 .. 2022-09-19), the default options but with
 * promotion of the best model if it beats the baseline. The tests check that the report tells the truth about
 * the numbers, whichever way they fall.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainCommandSupportTest {

    private static final Pattern METRICS_ROW = Pattern.compile(
            "^\\| ([a-z -]+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+|n/a) \\|$", Pattern.MULTILINE);
    private static final Pattern TRADING_ROW = Pattern.compile(
            "^\\| ([a-z _(),-]+) \\| ([+-][0-9.]+) % \\| ([+-][0-9.]+) % \\|", Pattern.MULTILINE);

    @TempDir
    static Path dir;

    private MongoServer server;
    private MongoClient client;
    private ModelRegistry registry;
    private CandleSeries candles;
    private TrainingResult result;
    private String report;
    private final List<Double> progress = new ArrayList<>();

    @BeforeAll
    void train() throws Exception {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        registry = ModelRegistry.open(dir.resolve("models"), client.getDatabase("bot_core_test"), Clock.systemUTC());
        candles = RecordedData.hourly(RecordedData.BTC_1H).slice(0, 2 * 8_760);
        TrainingOptions options = TrainingOptions.defaults(Interval.H1)
                .withPromotion(Promotion.BEST_IF_BETTER_THAN_BASELINE);

        result = new TrainCommandSupport(registry).train(candles, "BTCUSDT", Interval.H1, options,
                (fraction, detail) -> progress.add(fraction), dir.resolve("report"));
        report = Files.readString(result.report(), StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldStateTheVerdictTheNumbersGive() {
        Map<String, double[]> metrics = new HashMap<>();
        Matcher m = METRICS_ROW.matcher(report);
        while (m.find()) {
            metrics.put(m.group(1), new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
        double[] baseline = metrics.get("constant-class baseline");
        assertThat(baseline).as("baseline row of the metrics table").isNotNull();
        assertThat(baseline[0]).isEqualTo(round(result.walkForward().baseline().logLoss(), 5));

        for (ModelEvaluation model : result.walkForward().models()) {
            double[] row = metrics.get(model.name());
            assertThat(row).as("metrics row of %s", model.name()).isNotNull();
            assertThat(row[0]).isEqualTo(round(model.metrics().logLoss(), 5));
            assertThat(row[1]).isEqualTo(round(model.metrics().brier(), 5));
            boolean better = model.metrics().logLoss() < result.walkForward().baseline().logLoss();
            if (row[0] != baseline[0]) {
                assertThat(row[0] < baseline[0]).as("table and exact numbers agree").isEqualTo(better);
            }
            String claim = model.name() + (better ? " is better than" : " is NOT better than")
                    + " the constant-class baseline on log loss";
            assertThat(report).contains("- " + claim);

            boolean betterBrier = model.metrics().brier() < result.walkForward().baseline().brier();
            assertThat(report).contains((betterBrier ? "It is better than" : "It is NOT better than")
                    + String.format(Locale.ROOT, " the baseline on Brier score (%.5f vs %.5f)",
                            model.metrics().brier(), result.walkForward().baseline().brier()));
        }
    }

    @Test
    void shouldStateTheTradingVerdictTheNumbersGive() {
        Map<String, Double> returns = new HashMap<>();
        Matcher m = TRADING_ROW.matcher(report);
        while (m.find()) {
            returns.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        TradingResult hold = result.walkForward().buyAndHold();
        assertThat(returns.get("buy and hold")).isEqualTo(round(100 * hold.totalReturn(), 2));
        for (ModelEvaluation model : result.walkForward().models()) {
            double strategy = model.trading().totalReturn();
            assertThat(returns.get(model.name() + " strategy")).isEqualTo(round(100 * strategy, 2));
            String claim = strategy > hold.totalReturn() ? "Its strategy beat buy-and-hold"
                    : "Its strategy did NOT beat buy-and-hold";
            String line = report.lines().filter(l -> l.startsWith("- " + model.name() + " is")).findFirst()
                    .orElseThrow();
            assertThat(line).contains(claim);
        }
        assertThat(returns).containsKeys("rsi", "macd", "volume");
    }

    @Test
    void shouldPromoteOnlyAModelThatBeatsTheBaseline() throws Exception {
        List<Verdict> verdicts = result.walkForward().verdicts();
        boolean anyBetter = verdicts.stream().anyMatch(Verdict::beatsBaselineOnLogLoss);

        assertThat(result.promoted().isPresent()).isEqualTo(anyBetter);
        assertThat(registry.activeVersion()).isEqualTo(result.promoted());
        assertThat(report).contains("- Promotion: " + result.promotionNote());
        if (anyBetter) {
            RegisteredModel active = registry.loadActive().orElseThrow();
            double bestLogLoss = verdicts.stream().mapToDouble(Verdict::logLoss).min().orElseThrow();
            assertThat(active.metadata().description().metrics().get("log_loss")).isEqualTo(bestLogLoss);
        }
    }

    @Test
    void shouldRegisterTheFinalModelsWithTheirWalkForwardMetrics() throws Exception {
        assertThat(result.registered()).extracting(meta -> meta.description().kind().code())
                .containsExactly("logistic", "xgboost");
        for (int i = 0; i < result.registered().size(); i++) {
            ModelMetadata meta = registry.metadata(result.registered().get(i).version());
            ModelEvaluation evaluation = result.walkForward().models().get(i);
            assertThat(meta.description().symbol()).isEqualTo("BTCUSDT");
            assertThat(meta.description().trainRows()).isEqualTo(candles.size() - 4 - 33);
            assertThat(meta.description().metrics().get("log_loss")).isEqualTo(evaluation.metrics().logLoss());
            assertThat(meta.description().metrics().get("accuracy")).isEqualTo(evaluation.metrics().accuracy());
            assertThat(meta.description().hyperParameters().get("seed")).isEqualTo(42L);
            @SuppressWarnings("unchecked")
            Map<String, Object> baseline = (Map<String, Object>) meta.description().metrics().get("baseline");
            assertThat(baseline.get("log_loss")).isEqualTo(result.walkForward().baseline().logLoss());
            assertThat(registry.load(meta.version()).model().predict(new double[15])).hasSize(3);
        }
    }

    @Test
    void shouldPurgeEveryFoldAndCoverTheOutOfSampleBarsOnce() {
        List<Fold> folds = result.walkForward().plan().folds();
        assertThat(folds).hasSize(4);
        for (int i = 0; i < folds.size(); i++) {
            Fold f = folds.get(i);
            assertThat(f.trainTo() - 1 + 4).isLessThan(f.testFrom());
            assertThat(f.embargo()).isEqualTo(24);
            if (i > 0) {
                assertThat(f.testFrom()).isEqualTo(folds.get(i - 1).testTo());
            }
        }
        assertThat(result.walkForward().actual()).hasSize(result.walkForward().plan().outOfSampleSize());
    }

    @Test
    void shouldDrawTheEquityCurvesAndTheCalibrationPlot() throws Exception {
        BufferedImage equity = ImageIO.read(dir.resolve("report").resolve(TrainingReport.EQUITY_PNG).toFile());
        BufferedImage calibration = ImageIO.read(dir.resolve("report").resolve(TrainingReport.CALIBRATION_PNG)
                .toFile());

        assertThat(equity.getWidth()).isEqualTo(1200);
        assertThat(equity.getHeight()).isEqualTo(600);
        assertThat(calibration.getWidth()).isEqualTo(600);
        assertThat(report).contains("![equity curves](equity.png)", "![calibration](calibration.png)");
    }

    @Test
    void shouldReportProgressFromZeroToOne() {
        assertThat(progress).isSorted();
        assertThat(progress.get(0)).isEqualTo(0.0);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseCandlesOfAnotherIntervalOrTooFew() {
        TrainCommandSupport support = new TrainCommandSupport(registry);
        TrainingOptions options = TrainingOptions.defaults(Interval.H1);

        assertThatThrownBy(() -> support.train(candles, "BTCUSDT", Interval.H4, options, TrainingProgress.NONE,
                dir.resolve("x"))).hasMessageContaining("the candles are 1h but interval is 4h");
        assertThatThrownBy(() -> support.train(candles.slice(0, 9_000), "BTCUSDT", Interval.H1, options,
                TrainingProgress.NONE, dir.resolve("x"))).hasMessageContaining("a walk-forward needs at least 11,005");
    }

    private static double round(double value, int decimals) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }
}
