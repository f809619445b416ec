package io.botcore.engine.trading;

import io.botcore.platform.health.ComponentHealth;
import io.botcore.platform.health.HealthState;
import io.botcore.platform.health.Probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The {@code trading} component of {@code /api/health}: degraded while a running bot cannot trade (database
 * outage, state mismatch), with the reason per bot; also shows the market feed.
 */
@Component
final class TradingProbe implements Probe {

    private final BotManager manager;
    private final TradingConfiguration.FeedWiring feed;
    private final Clock clock;

    TradingProbe(BotManager manager, TradingConfiguration.FeedWiring feed, Clock clock) {
        this.manager = manager;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "trading";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public ComponentHealth check() {
        Map<String, String> problems = manager.problems();
        Map<String, Object> feedState = new LinkedHashMap<>();
        feed.status().ifPresentOrElse(s -> {
            feedState.put("source", s.source());
            feedState.put("running", s.running());
            feedState.put("last_candle", s.lastOpenTime() == 0 ? null : Instant.ofEpochMilli(s.lastOpenTime()));
            feedState.put("detail", s.detail());
        }, () -> feedState.put("source", "off"));
        return ComponentHealth.of(problems.isEmpty() ? HealthState.HEALTHY : HealthState.DEGRADED, clock.instant(),
                "bots_running", manager.runningCount(), "halted_bots", problems, "feed", feedState);
    }
}
