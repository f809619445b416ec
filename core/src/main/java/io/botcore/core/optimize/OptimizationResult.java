package io.botcore.core.optimize;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every trial of a search and their ranking.
 *
 * <p>Immutable and thread-safe.
 *
 * @param strategy strategy name
 * @param metric   what the trials are ranked by
 * @param trials   every trial, in search order
 */
public record OptimizationResult(String strategy, Metric metric, List<Trial> trials) {

    public OptimizationResult {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(metric, "metric");
        trials = List.copyOf(trials);
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one trial");
        }
    }

    /** How many trials ran: the {@code N} of the deflated Sharpe ratio. */
    public int trialCount() {
        return trials.size();
    }

    /** The trials best first by the metric; equal values keep search order, so the ranking is reproducible. */
    public List<Trial> ranked() {
        Comparator<Trial> byMetric = (a, b) -> metric.compareBestFirst(a.value(), b.value());
        return trials.stream().sorted(byMetric.thenComparingInt(Trial::index)).toList();
    }

    /** The best trial. */
    public Trial best() {
        return ranked().get(0);
    }

    /** Variance of the trials' per-candle Sharpe ratios, over those that have one. */
    public double sharpeVariance() {
        return DeflatedSharpe.variance(trials.stream().mapToDouble(t -> t.returns().sharpe()).toArray());
    }

    /** The deflated Sharpe ratio of the best trial, selected from all of them. */
    public DeflatedSharpe deflatedSharpe() {
        return DeflatedSharpe.of(best().returns(), trialCount(), sharpeVariance());
    }
}
