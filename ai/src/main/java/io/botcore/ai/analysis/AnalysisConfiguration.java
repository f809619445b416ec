package io.botcore.ai.analysis;

import com.mongodb.client.MongoDatabase;

import io.botcore.ai.AiSettings;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.ai.training.TrainingRunLog;
import io.botcore.platform.cache.AnswerCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model registry under {@code <data_dir>/models}, the active model (re-read every 5 s, so a promotion in
 * another process takes effect), the analyser with its cache, drift window and metrics.
 */
@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

    /** Analysed candles kept for the drift PSI. */
    static final int DRIFT_ROWS = 1_000;

    @Bean
    ModelRegistry modelRegistry(AiSettings settings, MongoDatabase database, Clock clock) throws IOException {
        return ModelRegistry.open(Path.of(settings.dataDir()).resolve("models"), database, clock);
    }

    @Bean
    ActiveModel activeModel(ModelRegistry registry) {
        ActiveModel active = new ActiveModel(registry);
        active.refresh();
        return active;
    }

    @Bean
    TrainingRunCounts trainingRunCounts(MongoDatabase database) {
        return new TrainingRunCounts(new TrainingRunLog(database));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService modelWatcher(ActiveModel active, TrainingRunCounts runs) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "model-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(active::refresh, 5, 5, TimeUnit.SECONDS);
        watcher.scheduleWithFixedDelay(runs::refresh, 0, 30, TimeUnit.SECONDS);
        return watcher;
    }

    @Bean
    DriftWindow driftWindow() {
        return new DriftWindow(DRIFT_ROWS);
    }

    @Bean
    AiMetrics aiMetrics(MeterRegistry registry, ActiveModel active, DriftWindow drift, TrainingRunCounts runs,
            Clock clock) {
        return new AiMetrics(registry, active, drift, runs, clock);
    }

    @Bean
    Analyzer analyzer(ActiveModel active, AnswerCache cache, AiSettings settings, DriftWindow drift,
            AiMetrics metrics, Clock clock) {
        Optional<Explainer> explainer = settings.explanation() == null ? Optional.empty()
                : Optional.of(new Explainer(settings.explanation().url(), settings.explanation().apiKey(),
                        settings.explanation().model(), settings.explanation().timeout()));
        return new Analyzer(active, cache, settings.cache().ttl(), drift, metrics, clock, explainer);
    }
}
