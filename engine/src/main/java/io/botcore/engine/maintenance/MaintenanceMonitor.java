package io.botcore.engine.maintenance;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;

import java.time.Clock;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This engine's view of {@link Maintenance}, re-read every second so the request path does no I/O; while
 * the database does not answer the last state stays. Thread-safe.
 */
@Component
public class MaintenanceMonitor {

    private final MongoDatabase database;
    private final Clock clock;
    private volatile Optional<Maintenance.State> state = Optional.empty();

    MaintenanceMonitor(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        refresh();
    }

    @Scheduled(fixedDelayString = "PT1S")
    void refresh() {
        try {
            state = Maintenance.state(database);
        } catch (MongoException e) {
            // keep the last known state; the health probe reports the database
        }
    }

    /** The maintenance in force now, if any. */
    public Optional<Maintenance.State> current() {
        return state.filter(s -> s.activeAt(clock.instant()));
    }
}
