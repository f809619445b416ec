package io.botcore.ai.training;

import io.botcore.ai.evaluation.ClassificationMetrics;
import io.botcore.ai.evaluation.TradingResult;
import io.botcore.ai.evaluation.WalkForwardPlan;
import io.botcore.ai.features.FeatureDistribution;
import io.botcore.ai.features.FeatureExtractor;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.labels.Direction;
import io.botcore.ai.labels.Labels;
import io.botcore.ai.model.DirectionModel;
import io.botcore.ai.model.ModelSpec;
import io.botcore.ai.model.ModelTrainer;
import io.botcore.ai.registry.ModelDescription;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind {@code bot-core ai train}: features and labels from the candles, a purged walk-forward of
 * every model against the baselines, final models trained on every labelled bar and registered with their
 * walk-forward metrics, optional promotion, and a Markdown report with its pictures.
 *
 * <p>Thread-safe as far as the registry is; runs are independent.
 */
public final class TrainCommandSupport {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommandSupport.class);

    private final ModelRegistry registry;

    /** Training runs that register into {@code registry}. */
    public TrainCommandSupport(ModelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Trains, evaluates, registers and reports.
     *
     * @param candles      the candles to learn from (for a date range, pass {@code series.between(from, to)})
     * @param symbol       market name stored with the models, for example {@code BTCUSDT}
     * @param interval     the candles' interval
     * @param options      labels, windows, models, fees, promotion ({@link TrainingOptions#defaults(Interval)})
     * @param progress     told how far the run has come
     * @param reportFolder where {@code report.md}, {@code equity.png} and {@code calibration.png} are written
     * @throws IllegalArgumentException if the interval differs from the candles', or the candles are too few for
     *                                  one walk-forward fold (the message says how many are needed)
     * @throws IOException              if the registry or the report cannot be written
     */
    public TrainingResult train(CandleSeries candles, String symbol, Interval interval, TrainingOptions options,
            TrainingProgress progress, Path reportFolder) throws IOException {
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(reportFolder, "reportFolder");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (candles.interval() != interval) {
            throw new IllegalArgumentException("the candles are " + candles.interval().code() + " but interval is "
                    + interval);
        }
        for (ModelSpec spec : options.models()) {
            LOG.info("training {} {} {}: seed {}, hyper-parameters {}", symbol, interval.code(), spec.kind().code(),
                    spec.seed(), spec.hyperParameters());
        }
        progress.update(0, "features and labels");
        long started = System.nanoTime();
        FeatureMatrix features = FeatureExtractor.compute(candles);
        Labels labels = Labels.of(candles, options.label());
        int needed = features.firstComplete() + options.minTrainBars() + options.embargoBars() + options.testBars()
                + options.label().horizon();
        if (candles.size() < needed) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "too few candles: %,d %s candles, but a "
                    + "walk-forward needs at least %,d (indicator warm-up %d, first training window %,d, embargo %d, "
                    + "one test window %,d, label horizon %d)", candles.size(), interval.code(), needed,
                    features.firstComplete(), options.minTrainBars(), options.embargoBars(), options.testBars(),
                    options.label().horizon()));
        }
        WalkForwardPlan plan = WalkForwardPlan.create(features.firstComplete(), labels.size(), options.minTrainBars(),
                options.trainBars(), options.testBars(), options.embargoBars(), options.label().horizon());
        WalkForwardResult walkForward = WalkForward.run(candles, features, labels, plan, options, progress, 0.02,
                0.85);
        Duration walkForwardTime = Duration.ofNanos(System.nanoTime() - started);

        long finalStarted = System.nanoTime();
        List<ModelMetadata> registered = registerFinalModels(candles, symbol, features, labels, walkForward, options,
                progress);
        Duration finalTrainTime = Duration.ofNanos(System.nanoTime() - finalStarted);
        Promoted promoted = promote(walkForward, registered, options.promotion());
        progress.update(0.95, "report");
        TrainingResult result = new TrainingResult(symbol, interval, options, walkForward, registered,
                promoted.version(), promoted.note(), reportFolder.resolve(TrainingReport.REPORT), walkForwardTime,
                finalTrainTime);
        TrainingReport.write(reportFolder, candles, result);
        progress.update(1, "done");
        LOG.info("trained {} {} in {} s (walk-forward {} s): {}", symbol, interval.code(),
                (walkForwardTime.toMillis() + finalTrainTime.toMillis()) / 1000.0, walkForwardTime.toMillis() / 1000.0,
                promoted.note());
        return result;
    }

    /** Trains each model on every labelled bar and registers it with its walk-forward metrics. */
    private List<ModelMetadata> registerFinalModels(CandleSeries candles, String symbol, FeatureMatrix features,
            Labels labels, WalkForwardResult walkForward, TrainingOptions options, TrainingProgress progress)
            throws IOException {
        int first = features.firstComplete();
        int end = labels.size();
        double[][] rows = features.rows(first, end);
        Direction[] y = labels.range(first, end);
        FeatureDistribution distribution = FeatureDistribution.of(FeatureMatrix.columnNames(), rows);
        List<ModelMetadata> registered = new ArrayList<>();
        for (int m = 0; m < options.models().size(); m++) {
            ModelSpec spec = options.models().get(m);
            progress.update(0.85 + 0.1 * m / options.models().size(), String.format(Locale.ROOT,
                    "final %s on %,d rows", spec.kind().code(), rows.length));
            DirectionModel model = ModelTrainer.train(spec, FeatureMatrix.columnNames(), rows, y);
            ModelDescription description = new ModelDescription(spec.kind(), symbol, candles.interval(),
                    FeatureExtractor.VERSION, FeatureMatrix.columnNames(), options.label(),
                    Instant.ofEpochMilli(candles.openTime(first)), Instant.ofEpochMilli(candles.openTime(end - 1)),
                    rows.length, spec.hyperParameters(),
                    metrics(candles, walkForward, walkForward.models().get(m), options), distribution);
            registered.add(registry.register(model, description));
        }
        return registered;
    }

    /** Applies the promotion policy: the lowest log loss, if it beats the baseline's. */
    private Promoted promote(WalkForwardResult walkForward, List<ModelMetadata> registered, Promotion policy)
            throws IOException {
        if (policy == Promotion.NEVER) {
            return new Promoted(Optional.empty(), "not requested; promote a version with the registry");
        }
        int best = 0;
        for (int m = 1; m < walkForward.models().size(); m++) {
            if (walkForward.models().get(m).metrics().logLoss() < walkForward.models().get(best).metrics().logLoss()) {
                best = m;
            }
        }
        Verdict verdict = walkForward.verdicts().get(best);
        if (!verdict.beatsBaselineOnLogLoss()) {
            return new Promoted(Optional.empty(), String.format(Locale.ROOT, "none promoted: the best model, %s, has "
                    + "log loss %.5f, not below the constant-class baseline's %.5f", verdict.model(), verdict.logLoss(),
                    verdict.baselineLogLoss()));
        }
        String version = registered.get(best).version();
        registry.promote(version);
        return new Promoted(Optional.of(version), String.format(Locale.ROOT, "%s (%s) promoted: lowest "
                + "out-of-sample log loss, %.5f, below the baseline's %.5f", version, verdict.model(),
                verdict.logLoss(), verdict.baselineLogLoss()));
    }

    /** The metrics stored with a registered model: its walk-forward record and the baselines'. */
    static Map<String, Object> metrics(CandleSeries candles, WalkForwardResult wf, ModelEvaluation evaluation,
            TrainingOptions options) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("folds", wf.plan().folds().size());
        plan.put("train_window", options.trainBars() == 0 ? "expanding" : "rolling");
        plan.put("min_train_bars", options.minTrainBars());
        plan.put("train_bars", options.trainBars());
        plan.put("test_bars", options.testBars());
        plan.put("embargo_bars", options.embargoBars());
        plan.put("out_of_sample_bars", wf.plan().outOfSampleSize());
        plan.put("out_of_sample_from", Instant.ofEpochMilli(candles.openTime(wf.plan().outOfSampleFrom())).toString());
        plan.put("out_of_sample_to", Instant.ofEpochMilli(candles.openTime(wf.plan().outOfSampleTo() - 1)).toString());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("walk_forward", plan);
        map.putAll(classification(evaluation.metrics()));
        map.put("expected_calibration_error", evaluation.calibration().expectedCalibrationError());
        map.put("baseline", classification(wf.baseline()));
        Map<String, Object> strategy = trading(evaluation.trading());
        strategy.put("signal_threshold", options.signalThreshold());
        map.put("strategy", strategy);
        map.put("buy_and_hold", trading(wf.buyAndHold()));
        Map<String, Object> best = trading(wf.bestIndicator());
        best.put("name", wf.bestIndicator().name());
        map.put("best_indicator", best);
        Verdict verdict = Verdict.of(evaluation, wf);
        Map<String, Object> verdictMap = new LinkedHashMap<>();
        verdictMap.put("beats_baseline_log_loss", verdict.beatsBaselineOnLogLoss());
        verdictMap.put("beats_baseline_brier", verdict.beatsBaselineOnBrier());
        verdictMap.put("beats_buy_and_hold", verdict.beatsBuyAndHold());
        verdictMap.put("beats_best_indicator", verdict.beatsBestIndicator());
        map.put("verdict", verdictMap);
        return map;
    }

    private static Map<String, Object> classification(ClassificationMetrics m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rows", m.rows());
        map.put("accuracy", m.accuracy());
        map.put("log_loss", m.logLoss());
        map.put("brier", m.brier());
        map.put("auc_macro", m.aucMacro());
        Map<String, Object> precision = new LinkedHashMap<>();
        Map<String, Object> recall = new LinkedHashMap<>();
        for (Direction d : Direction.values()) {
            precision.put(d.name(), m.precision()[d.ordinal()]);
            recall.put(d.name(), m.recall()[d.ordinal()]);
        }
        map.put("precision", precision);
        map.put("recall", recall);
        return map;
    }

    private static Map<String, Object> trading(TradingResult t) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total_return", t.totalReturn());
        map.put("return_without_fees", t.grossReturn());
        map.put("max_drawdown", t.maxDrawdown());
        map.put("trades", t.trades());
        map.put("exposure", t.exposure());
        map.put("fee_per_side", t.fees());
        return map;
    }

    /** The outcome of the promotion policy. */
    private record Promoted(Optional<String> version, String note) {
    }
}
