package io.botcore.ai.evaluation;

/**
 * One step of a walk-forward: train on bars [{@code trainFrom}, {@code trainTo}), leave an embargo of
 * {@code testFrom - trainTo} bars unused, test on bars [{@code testFrom}, {@code testTo}). Indices are bars of
 * the candle series.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index     0 for the first fold
 * @param trainFrom first training bar
 * @param trainTo   end of training (exclusive)
 * @param testFrom  first test bar
 * @param testTo    end of test (exclusive)
 */
public record Fold(int index, int trainFrom, int trainTo, int testFrom, int testTo) {

    public Fold {
        if (index < 0 || trainFrom < 0 || trainFrom >= trainTo || trainTo > testFrom || testFrom >= testTo) {
            throw new IllegalArgumentException("need 0 <= trainFrom < trainTo <= testFrom < testTo but fold " + index
                    + " is train [" + trainFrom + ", " + trainTo + ") test [" + testFrom + ", " + testTo + ")");
        }
    }

    /** Number of training bars. */
    public int trainSize() {
        return trainTo - trainFrom;
    }

    /** Number of test bars. */
    public int testSize() {
        return testTo - testFrom;
    }

    /** Bars left out between training and test. */
    public int embargo() {
        return testFrom - trainTo;
    }
}
