package io.botcore.core.strategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Named parameters of a strategy as given in configuration or on the command line ({@code period=14}), read
 * with a default for each. Every key must be read: {@link #requireAllUsed(String)} reports those that were
 * not, so a typo fails instead of being ignored. {@link #scoped(String)} gives a member of a composite
 * strategy its own view ({@code rsi.period=7} is {@code period=7} for the RSI member of the ensemble).
 *
 * <p>Not thread-safe.
 */
public final class StrategyParameters {

    private final Map<String, String> values;
    private final Set<String> used;
    private final String prefix;

    private StrategyParameters(Map<String, String> values, Set<String> used, String prefix) {
        this.values = values;
        this.used = used;
        this.prefix = prefix;
    }

    /** Parameters from key/value pairs. */
    public static StrategyParameters of(Map<String, String> values) {
        return new StrategyParameters(new LinkedHashMap<>(Objects.requireNonNull(values, "values")),
                new TreeSet<>(), "");
    }

    /** No parameters: every default applies. */
    public static StrategyParameters none() {
        return of(Map.of());
    }

    /** The parameters whose keys start with {@code scope + "."}, without that prefix. */
    public StrategyParameters scoped(String scope) {
        return new StrategyParameters(values, used, prefix + scope + ".");
    }

    /** The whole number named {@code key}, or {@code fallback} if absent. */
    public int integer(String key, int fallback) {
        String text = raw(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter " + prefix + key + " must be a whole number but is '" + text + "'", e);
        }
    }

    /** The finite number named {@code key}, or {@code fallback} if absent. */
    public double number(String key, double fallback) {
        String text = raw(key);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + prefix + key + " must be a number but is '" + text
                    + "'", e);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter " + prefix + key + " must be finite but is " + text);
        }
        return value;
    }

    private String raw(String key) {
        used.add(prefix + key);
        return values.get(prefix + key);
    }

    /**
     * @throws IllegalArgumentException naming the keys that were given but never read, and the known ones
     */
    public void requireAllUsed(String strategy) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter(s) " + unknown + " for strategy " + strategy
                    + "; known: " + used);
        }
    }
}
