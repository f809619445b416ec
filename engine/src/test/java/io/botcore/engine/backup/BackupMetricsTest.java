package io.botcore.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.botcore.platform.backup.BackupStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackupMetricsTest {

    MongoServer server;
    MongoClient client;
    MongoDatabase db;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T02:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        db = client.getDatabase("bot_core");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void shouldExportTheRecordedBackupOutcomeUnderTheAlertsNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new BackupMetrics(db, clock).bindTo(registry);

        // no backup ever: zeros and the default interval, so BotCoreBackupOverdue fires
        assertThat(registry.scrape()).contains("bot_core_backup_last_success_timestamp_seconds 0.0",
                "bot_core_backup_last_failure_timestamp_seconds 0.0", "bot_core_backup_interval_seconds 3600.0");

        BackupStatus.success(db, Instant.parse("2026-12-03T01:00:05Z"), Duration.ofMinutes(30), "20261203-010000");
        BackupStatus.failure(db, Instant.parse("2026-12-03T01:30:02Z"), Duration.ofMinutes(30), "disk full");
        assertThat(registry.scrape()).as("cached for 10 s").contains("bot_core_backup_last_success_timestamp_seconds 0.0");

        now.set(now.get().plusSeconds(10));
        String scrape = registry.scrape();
        assertThat(scrape).contains("bot_core_backup_last_success_timestamp_seconds 1.796259605E9",
                "bot_core_backup_last_failure_timestamp_seconds 1.796261402E9", "bot_core_backup_interval_seconds 1800.0");
    }
}
