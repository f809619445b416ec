package io.botcore.engine.ai;

import io.botcore.core.market.Candle;
import io.botcore.core.strategy.Reason;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Signal;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.strategy.StrategyParameters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trades on the AI service's signals: at each closed candle it sends the last {@code window} candles to
 * {@code POST /api/ai/analyze} and buys on Long, sells on Short, holds on Neutral.
 *
 * <p><b>Holds rather than guesses.</b> When the service is down, slow (over {@code timeout_ms}), has no model,
 * refuses, or the circuit breaker is open; when the model that answered was registered more than
 * {@code max_model_age_days} ago; or when the answer is for another candle, the strategy holds: no new position
 * on a missing or stale signal. Each such hold is counted by reason and turns the engine's health
 * {@code degraded} until a usable signal arrives again. Open positions keep their stop-loss and take-profit.
 *
 * <p><b>Same trades after a restart.</b> Every decision after the bot's start is written to the
 * {@link SignalJournal} before it is returned, and read from there when the bot is rebuilt from its stored candles,
 * so a rebuild never depends on what the service answers today. If the journal cannot be written the strategy
 * holds (an unrecorded decision is never acted on) and writes the hold as soon as it can.
 *
 * <p>Parameters and defaults: {@code window=200} (34..1000 candles), {@code timeout_ms=2000} (100..30000),
 * {@code max_model_age_days=30} (1..3650), {@code min_confidence=0} (0..1: a Long or Short below it is a hold).
 *
 * <p>Not thread-safe; one instance per bot and symbol, fed by the bot's thread.
 */
public final class AiStrategy implements Strategy {

    /** Name used in configuration and reasons. */
    public static final String NAME = "ai";

    private static final Logger LOG = LoggerFactory.getLogger(AiStrategy.class);

    private final AiContext context;
    private final AiSignalSource source;
    private final SignalJournal journal;
    private final Clock clock;
    private final int window;
    private final Duration timeout;
    private final Duration maxModelAge;
    private final double minConfidence;
    private final Deque<Candle> candles = new ArrayDeque<>();
    private final List<SignalJournal.Entry> unrecorded = new ArrayList<>();

    /** Validated parameters of the strategy. */
    public record Settings(int window, Duration timeout, Duration maxModelAge, double minConfidence) {

        public Settings {
            if (window < 34 || window > 1000) {
                throw new IllegalArgumentException("parameter window must be in 34..1000 but is " + window);
            }
            if (timeout.toMillis() < 100 || timeout.toMillis() > 30_000) {
                throw new IllegalArgumentException("parameter timeout_ms must be in 100..30000 but is "
                        + timeout.toMillis());
            }
            if (maxModelAge.toDays() < 1 || maxModelAge.toDays() > 3650) {
                throw new IllegalArgumentException("parameter max_model_age_days must be in 1..3650 but is "
                        + maxModelAge.toDays());
            }
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("parameter min_confidence must be in [0, 1] but is "
                        + minConfidence);
            }
        }

        /** From {@code window, timeout_ms, max_model_age_days, min_confidence}, defaults 200, 2000, 30, 0. */
        public static Settings from(StrategyParameters parameters) {
            return new Settings(parameters.integer("window", 200),
                    Duration.ofMillis(parameters.integer("timeout_ms", 2000)),
                    Duration.ofDays(parameters.integer("max_model_age_days", 30)),
                    parameters.number("min_confidence", 0));
        }
    }

    public AiStrategy(AiContext context, Settings settings, AiSignalSource source, SignalJournal journal,
            Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.source = Objects.requireNonNull(source, "source");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = settings.window();
        this.timeout = settings.timeout();
        this.maxModelAge = settings.maxModelAge();
        this.minConfidence = settings.minConfidence();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signal onCandle(Candle candle) {
        candles.addLast(candle);
        if (candles.size() > window) {
            candles.removeFirst();
        }
        long openTime = candle.openTime();
        if (openTime <= context.startAfter() || candles.size() < window) {
            return Signal.hold(openTime);
        }
        Optional<SignalJournal.Entry> stored = find(openTime);
        if (stored.isPresent()) {
            return stored.get().signal();
        }
        SignalJournal.Entry decision = decide(openTime);
        if (!record(decision)) {
            return Signal.hold(openTime);
        }
        return decision.signal();
    }

    private Optional<SignalJournal.Entry> find(long openTime) {
        try {
            return journal.find(context, openTime);
        } catch (RuntimeException e) {
            LOG.warn("bot {} {}: ai_signals not readable, asking the AI service: {}", context.botId(),
                    context.symbol(), e.toString());
            return Optional.empty();
        }
    }

    private SignalJournal.Entry decide(long openTime) {
        AiSignalSource.Answer answer = source.ask(context, List.copyOf(candles), timeout);
        if (answer instanceof AiSignalSource.Unavailable u) {
            return hold(openTime, u.reason(), u.message(), null);
        }
        AiSignal signal = ((AiSignalSource.Answered) answer).signal();
        Duration age = Duration.between(signal.modelTrainedAt(), clock.instant());
        if (age.compareTo(maxModelAge) > 0) {
            return hold(openTime, "stale_model", "model " + signal.modelVersion() + " was registered "
                    + age.toDays() + " days ago, more than max_model_age_days " + maxModelAge.toDays(),
                    signal.modelVersion());
        }
        if (signal.candleOpenTime() != openTime) {
            return hold(openTime, "stale_signal", "the answer is for the candle of " + signal.candleOpenTime()
                    + ", not " + openTime, signal.modelVersion());
        }
        source.usedSignal();
        if (signal.side() == Side.HOLD || signal.confidence() < minConfidence) {
            return new SignalJournal.Entry(Signal.hold(openTime), null, signal.modelVersion());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("p_up", signal.pUp());
        values.put("p_down", signal.pDown());
        values.put("score", signal.score());
        values.put("confidence", signal.confidence());
        String rule = String.format(Locale.ROOT, "model %s: %s, P(up) - P(down) = %+.3f", signal.modelVersion(),
                signal.side() == Side.BUY ? "Long" : "Short", signal.score());
        return new SignalJournal.Entry(Signal.of(openTime, signal.side(), signal.confidence(),
                new Reason(NAME, rule, values)), null, signal.modelVersion());
    }

    private SignalJournal.Entry hold(long openTime, String reason, String message, String modelVersion) {
        source.held(reason, message);
        LOG.warn("bot {} {}: holding at {}: {}", context.botId(), context.symbol(), openTime, message);
        return new SignalJournal.Entry(Signal.hold(openTime), reason, modelVersion);
    }

    /** Writes the decision (and any earlier unwritten hold); false if it could not be written. */
    private boolean record(SignalJournal.Entry decision) {
        try {
            for (SignalJournal.Entry earlier : unrecorded) {
                journal.record(context, earlier);
            }
            unrecorded.clear();
            journal.record(context, decision);
            return true;
        } catch (RuntimeException e) {
            SignalJournal.Entry hold = decision.signal().side() == Side.HOLD ? decision
                    : new SignalJournal.Entry(Signal.hold(decision.signal().openTime()), "journal",
                            decision.modelVersion());
            unrecorded.add(hold);
            source.held("journal", "ai_signals not writable: " + e);
            LOG.warn("bot {} {}: decision not recorded, holding: {}", context.botId(), context.symbol(),
                    e.toString());
            return false;
        }
    }
}
