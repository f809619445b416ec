package io.botcore.engine.ai;

import io.botcore.core.strategy.Strategy;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The strategies engine bots can run: the core's {@link StrategyCatalog} plus {@code ai}, which needs the
 * engine (HTTP to the AI service, the journal) and so cannot live in the core. Bots create and validate their
 * strategies here instead of in the catalog.
 *
 * <p>Thread-safe; every {@link #create} gives a fresh instance.
 */
public final class EngineStrategies {

    private final AiSignalSource source;
    private final SignalJournal journal;
    private final Clock clock;

    public EngineStrategies(AiSignalSource source, SignalJournal journal, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every strategy name: the catalogue's, then {@code ai}. */
    public List<String> names() {
        List<String> names = new ArrayList<>(StrategyCatalog.names());
        names.add(AiStrategy.NAME);
        return List.copyOf(names);
    }

    /**
     * Checks a name and its parameters without creating anything that talks to the service.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones), an unknown
     *                                  parameter or a bad value
     */
    public void validate(String name, Map<String, String> params) {
        StrategyParameters parameters = StrategyParameters.of(params);
        if (AiStrategy.NAME.equals(name)) {
            AiStrategy.Settings.from(parameters);
            parameters.requireAllUsed(name);
            return;
        }
        try {
            StrategyCatalog.create(name, parameters);
        } catch (IllegalArgumentException e) {
            if (!StrategyCatalog.names().contains(name)) {
                throw new IllegalArgumentException("unknown strategy '" + name + "'; known: "
                        + String.join(", ", names()), e);
            }
            throw e;
        }
    }

    /**
     * A new strategy for one market of a bot.
     *
     * @throws IllegalArgumentException as {@link #validate}
     */
    public Strategy create(String name, Map<String, String> params, AiContext context) {
        validate(name, params);
        if (AiStrategy.NAME.equals(name)) {
            return new AiStrategy(context, AiStrategy.Settings.from(StrategyParameters.of(params)), source, journal,
                    clock);
        }
        return StrategyCatalog.create(name, StrategyParameters.of(params));
    }
}
