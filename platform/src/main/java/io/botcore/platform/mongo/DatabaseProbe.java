package io.botcore.platform.mongo;

import com.mongodb.client.MongoDatabase;

import io.botcore.platform.health.ComponentHealth;
import io.botcore.platform.health.HealthState;
import io.botcore.platform.health.Probe;

import java.time.Clock;
import java.time.Duration;

import org.bson.Document;

/**
 * Pings the database every second; the answer's round trip is {@code latency_ms}. A lost database is
 * seen within the 2 s timeout plus one interval, inside the manual's 5 s bound.
 */
public final class DatabaseProbe implements Probe {

    private final MongoDatabase database;
    private final String target;
    private final Clock clock;

    public DatabaseProbe(MongoDatabase database, String redactedUrl, Clock clock) {
        this.database = database;
        this.target = redactedUrl;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public ComponentHealth check() {
        long start = System.nanoTime();
        database.runCommand(new Document("ping", 1));
        double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
        return ComponentHealth.of(HealthState.HEALTHY, clock.instant(), "database", database.getName(),
                "url", target, "latency_ms", Math.round(latencyMs * 1000) / 1000.0);
    }
}
