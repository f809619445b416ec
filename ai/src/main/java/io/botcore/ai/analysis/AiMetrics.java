package io.botcore.ai.analysis;

import io.botcore.ai.features.FeatureMatrix;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The AI service's own meters on {@code /metrics} (Prometheus names):
 * <ul>
 *   <li>{@code bot_core_ai_prediction_latency_seconds} histogram, tag {@code cache} = {@code hit} or {@code miss}:
 *       time to answer an analysis, parsing and features included;</li>
 *   <li>{@code bot_core_ai_predictions_total}, tag {@code signal} = {@code Long}, {@code Short}, {@code Neutral}:
 *       answers computed by the model (cache hits not counted again);</li>
 *   <li>{@code bot_core_ai_analyses_refused_total}, tag {@code reason} = {@code no_model}, {@code invalid},
 *       {@code other_market};</li>
 *   <li>{@code bot_core_ai_model_age_seconds}: time since the serving model was registered (NaN without one);</li>
 *   <li>{@code bot_core_ai_feature_drift_psi}, tag {@code feature}: population stability index of the last
 *       analysed candles' features against the serving model's training distribution (NaN below 50 rows);</li>
 *   <li>{@code bot_core_ai_feature_drift_rows}: rows in that window;</li>
 *   <li>{@code bot_core_ai_training_runs_total}, tag {@code result} = {@code success} or {@code failure}: runs of
 *       {@code bot-core ai train} recorded in the database.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class AiMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> predictions = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final Timer hit;
    private final Timer miss;

    public AiMetrics(MeterRegistry registry, ActiveModel active, DriftWindow drift, TrainingRunCounts runs,
            Clock clock) {
        this.registry = registry;
        this.hit = latency("hit");
        this.miss = latency("miss");
        Gauge.builder("bot_core.ai.model.age", active, a -> a.current()
                .map(s -> Duration.between(s.metadata().createdAt(), clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN)).baseUnit("seconds")
                .description("Time since the serving model was registered (NaN without one)").register(registry);
        List<String> columns = FeatureMatrix.columnNames();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            Gauge.builder("bot_core.ai.feature.drift.psi", active, a -> a.current()
                    .map(s -> drift.psi(s.version(), s.distribution(), column)).orElse(Double.NaN))
                    .tag("feature", columns.get(c))
                    .description("Population stability index of recently analysed candles against the model's "
                            + "training distribution (NaN below " + DriftWindow.MIN_ROWS + " rows)")
                    .register(registry);
        }
        Gauge.builder("bot_core.ai.feature.drift.rows", active, a -> a.current().map(s -> drift.size(s.version()))
                .orElse(0)).description("Analysed candles in the drift window").register(registry);
        runCounter(runs, "success", TrainingRunCounts::successes);
        runCounter(runs, "failure", TrainingRunCounts::failures);
    }

    private Timer latency(String cache) {
        return Timer.builder("bot_core.ai.prediction.latency").tag("cache", cache).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .description("Time to answer an analysis").register(registry);
    }

    private void runCounter(TrainingRunCounts runs, String result, ToDoubleFunction<TrainingRunCounts> count) {
        FunctionCounter.builder("bot_core.ai.training.runs", runs, count).tag("result", result)
                .description("Training runs recorded in the database, by result").register(registry);
    }

    void answered(Duration took, boolean cached) {
        (cached ? hit : miss).record(took);
    }

    void predicted(String signal) {
        predictions.computeIfAbsent(signal, s -> Counter.builder("bot_core.ai.predictions").tag("signal", s)
                .description("Analyses answered by the model, by signal").register(registry)).increment();
    }

    void refused(String reason) {
        refusals.computeIfAbsent(reason, r -> Counter.builder("bot_core.ai.analyses.refused").tag("reason", r)
                .description("Analyses refused, by reason").register(registry)).increment();
    }
}
