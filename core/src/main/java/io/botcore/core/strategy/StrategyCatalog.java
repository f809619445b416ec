package io.botcore.core.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The strategies that can be chosen by name, each built from {@link StrategyParameters} with its defaults. A
 * new strategy is one class with a static {@code from(StrategyParameters)} factory and one line here.
 *
 * <p>Stateless and thread-safe; every {@link #create} gives a fresh instance.
 */
public final class StrategyCatalog {

    private static final Map<String, Function<StrategyParameters, Strategy>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(RsiStrategy.NAME, RsiStrategy::from);
        FACTORIES.put(MacdStrategy.NAME, MacdStrategy::from);
        FACTORIES.put(BollingerStrategy.NAME, BollingerStrategy::from);
        FACTORIES.put(VolumeSpikeStrategy.NAME, VolumeSpikeStrategy::from);
        FACTORIES.put(EnsembleStrategy.NAME, EnsembleStrategy::from);
    }

    private StrategyCatalog() {
    }

    /** Names of every strategy, in catalogue order. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /**
     * A new strategy called {@code name}, with these parameters.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones), an unknown
     *                                  parameter or a bad value
     */
    public static Strategy create(String name, StrategyParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        Function<StrategyParameters, Strategy> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + String.join(", ",
                    FACTORIES.keySet()));
        }
        Strategy strategy = factory.apply(parameters);
        parameters.requireAllUsed(name);
        return strategy;
    }
}
