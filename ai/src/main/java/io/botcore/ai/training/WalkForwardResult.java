package io.botcore.ai.training;

import io.botcore.ai.evaluation.ClassificationMetrics;
import io.botcore.ai.evaluation.TradingResult;
import io.botcore.ai.evaluation.WalkForwardPlan;
import io.botcore.ai.labels.Direction;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything a purged walk-forward measured over its out-of-sample bars: each model, the constant-class
 * baseline (each fold predicts its training window's class frequencies), buy-and-hold and the single-indicator
 * strategies over the same bars with the same fills and fees.
 *
 * <p>Immutable and thread-safe: {@link #actual()} copies.
 *
 * @param plan        the folds
 * @param actual      the label of each out-of-sample bar
 * @param baseline    metrics of the constant-class baseline
 * @param models      one evaluation per model, in the order of the options
 * @param buyAndHold  buy-and-hold over the out-of-sample bars
 * @param indicators  each single-indicator strategy over the out-of-sample bars
 */
public record WalkForwardResult(WalkForwardPlan plan, Direction[] actual, ClassificationMetrics baseline,
        List<ModelEvaluation> models, TradingResult buyAndHold, List<TradingResult> indicators) {

    public WalkForwardResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(buyAndHold, "buyAndHold");
        actual = actual.clone();
        models = List.copyOf(models);
        indicators = List.copyOf(indicators);
    }

    @Override
    public Direction[] actual() {
        return actual.clone();
    }

    /** The single-indicator strategy with the highest out-of-sample return (chosen with hindsight). */
    public TradingResult bestIndicator() {
        return indicators.stream().max(Comparator.comparingDouble(TradingResult::totalReturn)).orElseThrow();
    }

    /** The verdict on each model against the baselines, in model order. */
    public List<Verdict> verdicts() {
        return models.stream().map(m -> Verdict.of(m, this)).toList();
    }
}
