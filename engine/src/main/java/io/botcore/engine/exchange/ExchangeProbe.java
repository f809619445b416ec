package io.botcore.engine.exchange;

import io.botcore.exchange.binance.BinanceRestClient;
import io.botcore.platform.health.ComponentHealth;
import io.botcore.platform.health.HealthState;
import io.botcore.platform.health.Probe;

import java.time.Clock;
import java.time.Duration;

/** Pings the configured Binance API every 30 s (weight 1 per call, far inside the budget). */
final class ExchangeProbe implements Probe {

    private final BinanceRestClient client;
    private final Clock clock;

    ExchangeProbe(BinanceRestClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "exchange";
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
        return Duration.ofSeconds(30);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(3);
    }

    @Override
    public ComponentHealth check() {
        long start = System.nanoTime();
        client.ping();
        double latencyMs = Math.round((System.nanoTime() - start) / 1_000.0) / 1000.0;
        return ComponentHealth.of(HealthState.HEALTHY, clock.instant(), "base_url", client.baseUrl().toString(),
                "latency_ms", latencyMs);
    }
}
