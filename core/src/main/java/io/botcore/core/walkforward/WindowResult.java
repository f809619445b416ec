package io.botcore.core.walkforward;

import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.optimize.Trial;
import java.util.Objects;

/**
 * One window of a walk-forward: the best training trial and what its parameters then did out of sample.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window      the window's dates
 * @param trials      trials run on its training window
 * @param inSample    the best trial of the training window (its parameters and in-sample metrics)
 * @param outOfSample the backtest of those parameters on the test window, the strategy warmed up on the training
 *                    candles, starting with the equity the previous test window ended with
 */
public record WindowResult(WalkForwardWindow window, int trials, Trial inSample, BacktestResult outOfSample) {

    public WindowResult {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(inSample, "inSample");
        Objects.requireNonNull(outOfSample, "outOfSample");
    }
}
