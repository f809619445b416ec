package io.botcore.core.optimize;

import io.botcore.core.backtest.PerformanceMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One backtested candidate of a search.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index      position of the candidate in the search (its order of submission, not of completion)
 * @param parameters the strategy parameters, in grid order
 * @param metrics    its backtest's performance
 * @param value      the searched metric's value
 * @param returns    moments of its per-candle returns
 */
public record Trial(int index, Map<String, String> parameters, PerformanceMetrics metrics, double value,
        ReturnMoments returns) {

    public Trial {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(returns, "returns");
    }
}
