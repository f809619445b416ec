package io.botcore.engine.ai;

import io.botcore.core.market.Candle;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine's one way to the AI service, shared by every {@code ai} strategy: the HTTP client behind a circuit
 * breaker, the bot owners' access tokens, the meters, and the state the engine's health reports.
 *
 * <p>Meters (Prometheus names): {@code bot_core_ai_strategy_calls_total{result}} (result {@code ok} or the
 * failure reason), {@code bot_core_ai_strategy_call_latency_seconds}, {@code bot_core_ai_strategy_holds_total
 * {reason}} (candles on which a strategy held because it had no usable signal), and
 * {@code bot_core_ai_strategy_circuit_state} (0 closed, 0.5 half-open, 1 open).
 *
 * <p>Thread-safe.
 */
public final class AiSignalSource {

    private final AiServiceClient client;
    private final CircuitBreaker breaker;
    private final Function<String, String> tokens;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer latency;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> holds = new ConcurrentHashMap<>();
    private volatile Instant lastAnswer;
    private volatile Instant lastHold;
    private volatile String lastHoldReason;
    private volatile String lastHoldMessage;
    private volatile boolean lastOutcomeWasHold;

    /** What the service said, or why there is nothing to act on. */
    public sealed interface Answer permits Answered, Unavailable {
    }

    /** A signal from the service. */
    public record Answered(AiSignal signal) implements Answer {
    }

    /** No usable signal: {@code reason} is the metric tag, {@code message} says what happened. */
    public record Unavailable(String reason, String message) implements Answer {
    }

    /**
     * @param tokens the access token of a user id (the bot's owner), valid for the AI service
     */
    public AiSignalSource(AiServiceClient client, CircuitBreaker breaker, Function<String, String> tokens,
            MeterRegistry registry, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = Timer.builder("bot_core.ai_strategy.call.latency").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .description("Time of a call to the AI service's analysis").register(registry);
        Gauge.builder("bot_core.ai_strategy.circuit.state", breaker, b -> switch (b.getState()) {
            case CLOSED, DISABLED -> 0.0;
            case HALF_OPEN -> 0.5;
            default -> 1.0;
        }).description("Circuit breaker in front of the AI service: 0 closed, 0.5 half-open, 1 open")
                .register(registry);
    }

    /** Asks the service for the signal of the last candle of {@code window}, through the circuit breaker. */
    public Answer ask(AiContext context, List<Candle> window, Duration timeout) {
        if (!breaker.tryAcquirePermission()) {
            count(calls, "bot_core.ai_strategy.calls", "result", "circuit_open", "Calls to the AI service by result");
            return new Unavailable("circuit_open", "circuit breaker open after repeated AI service failures");
        }
        long started = System.nanoTime();
        try {
            String token = tokens.apply(context.userId());
            AiSignal signal = client.analyze(token, context.symbol(), context.interval(), window, timeout);
            long took = System.nanoTime() - started;
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            latency.record(took, TimeUnit.NANOSECONDS);
            count(calls, "bot_core.ai_strategy.calls", "result", "ok", "Calls to the AI service by result");
            return new Answered(signal);
        } catch (AiUnavailableException e) {
            long took = System.nanoTime() - started;
            if (e.serviceFault()) {
                breaker.onError(took, TimeUnit.NANOSECONDS, e);
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
            count(calls, "bot_core.ai_strategy.calls", "result", e.reason(), "Calls to the AI service by result");
            return new Unavailable(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            breaker.releasePermission();
            count(calls, "bot_core.ai_strategy.calls", "result", "token", "Calls to the AI service by result");
            return new Unavailable("token", "no access token for the bot's owner: " + e.getMessage());
        }
    }

    /** Records that a strategy held on a candle for {@code reason}: counted, and reported by the health. */
    void held(String reason, String message) {
        count(holds, "bot_core.ai_strategy.holds", "reason", reason,
                "Candles on which an ai strategy held for want of a usable signal, by reason");
        lastHold = clock.instant();
        lastHoldReason = reason;
        lastHoldMessage = message;
        lastOutcomeWasHold = true;
    }

    /** Records that a strategy acted on a fresh signal. */
    void usedSignal() {
        lastAnswer = clock.instant();
        lastOutcomeWasHold = false;
    }

    private void count(Map<String, Counter> counters, String name, String tag, String value, String description) {
        counters.computeIfAbsent(value, v -> Counter.builder(name).tag(tag, v).description(description)
                .register(registry)).increment();
    }

    /** Where the AI signals stand, for health. */
    public record Status(boolean used, CircuitBreaker.State circuit, Instant lastAnswer, Instant lastHold,
            String lastHoldReason, String lastHoldMessage, boolean lastOutcomeWasHold) {

        /** True when strategies hold for want of signals: the circuit is not closed or the last outcome a hold. */
        public boolean degraded() {
            return circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.HALF_OPEN
                    || lastOutcomeWasHold;
        }
    }

    /** The current status. */
    public Status status() {
        return new Status(lastAnswer != null || lastHold != null, breaker.getState(), lastAnswer, lastHold,
                lastHoldReason, lastHoldMessage, lastOutcomeWasHold);
    }
}
