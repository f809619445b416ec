package io.botcore.core.walkforward;

import java.time.Instant;

/**
 * One step of a walk-forward: train on {@code [trainFrom, trainTo)}, then trade {@code [testFrom, testTo)} out of
 * sample, where {@code testFrom == trainTo}. Times are candle open times, UTC epoch milliseconds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number    1-based position in the walk
 * @param trainFrom first open time of the training window
 * @param trainTo   end of the training window (exclusive)
 * @param testFrom  first open time of the test window, the end of training
 * @param testTo    end of the test window (exclusive)
 */
public record WalkForwardWindow(int number, long trainFrom, long trainTo, long testFrom, long testTo) {

    public WalkForwardWindow {
        if (!(trainFrom < trainTo && trainTo == testFrom && testFrom < testTo)) {
            throw new IllegalArgumentException("need trainFrom < trainTo == testFrom < testTo but got " + trainFrom
                    + ", " + trainTo + ", " + testFrom + ", " + testTo);
        }
    }

    /** Start of training, UTC. */
    public Instant trainStart() {
        return Instant.ofEpochMilli(trainFrom);
    }

    /** Start of the test window, UTC. */
    public Instant testStart() {
        return Instant.ofEpochMilli(testFrom);
    }

    /** End of the test window (exclusive), UTC. */
    public Instant testEnd() {
        return Instant.ofEpochMilli(testTo);
    }
}
