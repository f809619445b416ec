package io.botcore.platform.cache;

import io.botcore.platform.health.ComponentHealth;
import io.botcore.platform.health.HealthState;
import io.botcore.platform.health.Probe;

import java.time.Clock;
import java.time.Duration;

/** Reports the cache in health: never critical (a lost Redis only costs speed), checked every 5 s. */
public final class CacheProbe implements Probe {

    private final AnswerCache cache;
    private final Clock clock;

    public CacheProbe(AnswerCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public int failuresBeforeUnhealthy() {
        return 2;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public ComponentHealth check() {
        CacheState state = cache.state();
        return ComponentHealth.of(state.reachable() ? HealthState.HEALTHY : HealthState.UNHEALTHY, clock.instant(),
                "backend", state.backend(), "entries", state.entries() >= 0 ? state.entries() : null,
                "bytes", state.bytes() >= 0 ? state.bytes() : null, "hits", state.hits(), "misses", state.misses(),
                "error", state.reachable() ? null : "Redis unreachable");
    }
}
