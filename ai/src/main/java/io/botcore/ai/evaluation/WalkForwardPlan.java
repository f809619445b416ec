package io.botcore.ai.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Purged walk-forward folds over the labelled bars [{@code first}, {@code end}) of a series. The test windows
 * are consecutive, never overlap, and together cover [{@link #outOfSampleFrom()}, {@link #outOfSampleTo()}).
 * Each fold trains on bars that end {@code embargo} bars before its test window starts, either all of them
 * from {@code first} (expanding) or the latest {@code trainBars} (rolling).
 *
 * <p>Purging: a training bar {@code t} is labelled from {@code close[t + horizon]}; with
 * {@code embargo >= horizon} the last training label ({@code t = trainTo - 1}) looks at bar
 * {@code trainTo - 1 + horizon < testFrom}, so no training label sees a test-window price.
 *
 * <p>Immutable and thread-safe.
 *
 * @param folds the folds, in time order
 */
public record WalkForwardPlan(List<Fold> folds) {

    public WalkForwardPlan {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a walk-forward needs at least one fold");
        }
    }

    /**
     * Plans the folds.
     *
     * @param first         first usable bar (features complete)
     * @param end           end of the labelled bars (exclusive)
     * @param minTrainBars  training bars of the first fold, {@code >= 1}
     * @param trainBars     training bars of every fold (rolling window), or 0 for an expanding window
     * @param testBars      bars of each test window, {@code >= 1}; the last window takes what is left, from
     *                      half a window up to one and a half
     * @param embargo       bars between training end and test start, {@code >= horizon}
     * @param horizon       label horizon in bars, {@code >= 1}
     * @throws IllegalArgumentException if a parameter is out of range or the bars do not hold one fold
     */
    public static WalkForwardPlan create(int first, int end, int minTrainBars, int trainBars, int testBars,
            int embargo, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 but is " + horizon);
        }
        if (embargo < horizon) {
            throw new IllegalArgumentException("embargo " + embargo + " must be >= the label horizon " + horizon);
        }
        if (minTrainBars < 1 || testBars < 1 || trainBars < 0) {
            throw new IllegalArgumentException("need minTrainBars >= 1, testBars >= 1 and trainBars >= 0 but they are "
                    + minTrainBars + ", " + testBars + ", " + trainBars);
        }
        if (trainBars > 0 && trainBars < minTrainBars) {
            throw new IllegalArgumentException("a rolling trainBars " + trainBars + " must be >= minTrainBars "
                    + minTrainBars);
        }
        int testStart = first + minTrainBars + embargo;
        if (first < 0 || testStart + testBars > end) {
            throw new IllegalArgumentException("bars [" + first + ", " + end + ") are too few for " + minTrainBars
                    + " training bars, an embargo of " + embargo + " and a test window of " + testBars);
        }
        List<Fold> folds = new ArrayList<>();
        int from = testStart;
        while (from < end) {
            int to = end - from < testBars + testBars / 2 ? end : from + testBars;
            int trainTo = from - embargo;
            int trainFrom = trainBars == 0 ? first : Math.max(first, trainTo - trainBars);
            folds.add(new Fold(folds.size(), trainFrom, trainTo, from, to));
            from = to;
        }
        return new WalkForwardPlan(folds);
    }

    /** First out-of-sample bar. */
    public int outOfSampleFrom() {
        return folds.get(0).testFrom();
    }

    /** End of the out-of-sample bars (exclusive). */
    public int outOfSampleTo() {
        return folds.get(folds.size() - 1).testTo();
    }

    /** Number of out-of-sample bars. */
    public int outOfSampleSize() {
        return outOfSampleTo() - outOfSampleFrom();
    }
}
