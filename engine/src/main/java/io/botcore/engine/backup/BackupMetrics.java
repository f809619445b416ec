package io.botcore.engine.backup;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;

import io.botcore.platform.backup.BackupSettings;
import io.botcore.platform.backup.BackupStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Exports the outcome of the newest backup runs, which {@code ./bot-core backup} (a separate process, run by
 * cron or a Kubernetes CronJob) records in the database, as the gauges the backup alerts use:
 * {@code bot_core_backup_last_success_timestamp_seconds}, {@code bot_core_backup_last_failure_timestamp_seconds}
 * (0 when there is none) and {@code bot_core_backup_interval_seconds} (the job's interval, else the default).
 * The record is read at most every 10 seconds; while the database does not answer the last values stay.
 *
 * <p>Thread-safe.
 */
public final class BackupMetrics implements MeterBinder {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final MongoDatabase database;
    private final Clock clock;
    private volatile Optional<BackupStatus> status = Optional.empty();
    private volatile Instant readAt = Instant.MIN;

    public BackupMetrics(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "bot_core.backup.last_success.timestamp", "Unix time of the newest successful backup (0: none)",
                s -> seconds(s.lastSuccess()));
        gauge(registry, "bot_core.backup.last_failure.timestamp", "Unix time of the newest failed backup (0: none)",
                s -> seconds(s.lastFailure()));
        Gauge.builder("bot_core.backup.interval", this, m -> m.current()
                        .map(BackupStatus::interval)
                        .orElse(BackupSettings.INTERVAL.defaultValue()).toSeconds())
                .baseUnit("seconds").description("the backup interval the backup job runs with").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<BackupStatus> value) {
        Gauge.builder(name, this, m -> m.current().map(value::applyAsDouble).orElse(0.0))
                .baseUnit("seconds").description(description).register(registry);
    }

    private Optional<BackupStatus> current() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(REFRESH) >= 0) {
            try {
                status = BackupStatus.read(database);
                readAt = now;
            } catch (MongoException e) {
                readAt = now;
            }
        }
        return status;
    }

    private static double seconds(Instant at) {
        return at == null ? 0 : at.getEpochSecond();
    }
}
