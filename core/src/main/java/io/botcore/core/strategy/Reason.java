package io.botcore.core.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a signal was given: the strategy, the rule that fired and the indicator values it looked at, in the
 * units of those indicators (RSI 0..100, prices in the quote asset, volume ratio dimensionless).
 *
 * <p>Immutable and thread-safe; {@code values} keeps its insertion order.
 *
 * @param strategy name of the strategy, for example {@code "rsi"}
 * @param rule     the rule that fired, for example {@code "rsi 27.1 < oversold 30"}
 * @param values   indicator values by name
 */
public record Reason(String strategy, String rule, Map<String, Double> values) {

    public Reason {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(rule, "rule");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
