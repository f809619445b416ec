package io.botcore.engine.ai;

import io.botcore.platform.health.ComponentHealth;
import io.botcore.platform.health.HealthState;
import io.botcore.platform.health.Probe;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health component {@code ai_signals} (not critical): {@code degraded} while {@code ai} strategies hold for want
 * of a usable signal (service down, no model, stale model, circuit breaker open), healthy otherwise, and healthy
 * with {@code in_use: false} while no bot runs the {@code ai} strategy.
 */
final class AiStrategyProbe implements Probe {

    private final AiSignalSource source;
    private final Clock clock;

    AiStrategyProbe(AiSignalSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ai_signals";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public ComponentHealth check() {
        AiSignalSource.Status status = source.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("in_use", status.used());
        details.put("circuit", status.circuit().name().toLowerCase(java.util.Locale.ROOT));
        details.put("last_signal_at", status.lastAnswer() == null ? null : status.lastAnswer().toString());
        if (status.degraded()) {
            details.put("holding_since", status.lastHold() == null ? null : status.lastHold().toString());
            details.put("reason", status.lastHoldReason());
            details.put("error", status.lastHoldMessage());
        }
        return new ComponentHealth(status.degraded() ? HealthState.DEGRADED : HealthState.HEALTHY, clock.instant(),
                details);
    }
}
