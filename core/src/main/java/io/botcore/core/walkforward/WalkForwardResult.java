package io.botcore.core.walkforward;

import io.botcore.core.backtest.BuyAndHold;
import io.botcore.core.backtest.EquityCurve;
import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.core.execution.Symbol;
import io.botcore.core.optimize.DeflatedSharpe;
import io.botcore.core.optimize.Metric;
import io.botcore.core.trading.Trade;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a walk-forward found: each window in and out of sample, and the out-of-sample run as a whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param strategy       strategy name
 * @param metric         what each training window was optimised for
 * @param windows        every window, in time order
 * @param equity         the out-of-sample equity of every test window, stitched
 * @param trades         every out-of-sample trade, in the order they closed
 * @param outOfSample    metrics of the stitched out-of-sample run
 * @param buyAndHold     holding each symbol over the same out-of-sample span
 * @param trials         trials run in all training windows: the {@code N} of the deflated Sharpe ratio
 * @param deflatedSharpe deflated Sharpe ratio of the stitched out-of-sample returns
 * @param monteCarlo     drawdown distribution of the out-of-sample trades reshuffled
 */
public record WalkForwardResult(String strategy, Metric metric, List<WindowResult> windows, EquityCurve equity,
        List<Trade> trades, PerformanceMetrics outOfSample, Map<Symbol, BuyAndHold> buyAndHold, int trials,
        DeflatedSharpe deflatedSharpe, MonteCarloDrawdowns monteCarlo) {

    public WalkForwardResult {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(metric, "metric");
        windows = List.copyOf(windows);
        Objects.requireNonNull(equity, "equity");
        trades = List.copyOf(trades);
        Objects.requireNonNull(outOfSample, "outOfSample");
        buyAndHold = Collections.unmodifiableMap(new LinkedHashMap<>(buyAndHold));
        Objects.requireNonNull(deflatedSharpe, "deflatedSharpe");
        Objects.requireNonNull(monteCarlo, "monteCarlo");
    }

    /**
     * The mean over windows of {@code metric} of the best training trial, ignoring windows where it is not a
     * number: the in-sample figure to set beside the out-of-sample one. Training windows overlap, so their equity
     * cannot be stitched; their mean is the fair in-sample summary.
     */
    public double inSampleMean(Metric of) {
        return windows.stream().mapToDouble(w -> of.of(w.inSample().metrics())).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }

    /** The mean over windows of {@code metric} of each test window on its own. */
    public double outOfSampleMean(Metric of) {
        return windows.stream().mapToDouble(w -> of.of(w.outOfSample().metrics())).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }
}
