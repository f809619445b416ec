package io.botcore.core.walkforward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a walk-forward slices time: a training window of {@code train}, then a test window of {@code test}, rolled
 * forward by {@code test} so that test windows are contiguous and never overlap, from the first candle while a
 * whole test window still fits before the end of the data. Candles after the last whole test window are left out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param train length of each training window, {@code > 0}
 * @param test  length of each test window and the step, {@code > 0}
 */
public record WalkForwardPlan(Duration train, Duration test) {

    public WalkForwardPlan {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.isNegative() || train.isZero()) {
            throw new IllegalArgumentException("train must be > 0 but is " + train);
        }
        if (test.isNegative() || test.isZero()) {
            throw new IllegalArgumentException("test must be > 0 but is " + test);
        }
    }

    /**
     * The windows over {@code [start, end)} (epoch ms).
     *
     * @throws IllegalArgumentException if not even one training and test window fit
     */
    public List<WalkForwardWindow> windows(long start, long end) {
        long trainMs = train.toMillis();
        long testMs = test.toMillis();
        List<WalkForwardWindow> windows = new ArrayList<>();
        for (long from = start; from + trainMs + testMs <= end; from += testMs) {
            windows.add(new WalkForwardWindow(windows.size() + 1, from, from + trainMs, from + trainMs,
                    from + trainMs + testMs));
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("the data spans " + Duration.ofMillis(end - start).toDays()
                    + " days, less than one training window (" + train.toDays() + " days) plus one test window ("
                    + test.toDays() + " days)");
        }
        return windows;
    }
}
