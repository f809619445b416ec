package io.botcore.ai.status;

import io.botcore.ai.AiSettings;
import io.botcore.ai.analysis.ActiveModel;
import io.botcore.ai.registry.ModelDescription;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.platform.BuildInfo;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.cache.CacheState;
import io.botcore.platform.health.HealthMonitor;
import io.botcore.platform.health.HealthReport;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ai/status}: which model answers analyses, its out-of-sample metrics, cache and
 * database state, uptime. {@code data_freshness_s} is the time since the last candle the model was trained on.
 * Without a servable model the answer says why instead of inventing a model or a score.
 */
@RestController
class AiStatusController {

    private final AiSettings settings;
    private final HealthMonitor monitor;
    private final Clock clock;
    private final AnswerCache cache;
    private final ActiveModel active;

    AiStatusController(AiSettings settings, HealthMonitor monitor, AnswerCache cache, ActiveModel active,
            Clock clock) {
        this.active = active;
        this.settings = settings;
        this.cache = cache;
        this.monitor = monitor;
        this.clock = clock;
    }

    @GetMapping("/api/ai/status")
    Map<String, Object> status() {
        HealthReport health = monitor.report();
        Map<String, Object> model = new LinkedHashMap<>();
        Optional<ActiveModel.Served> served = active.current();
        if (served.isEmpty()) {
            model.put("state", "none");
            model.put("active_version", null);
            model.put("message", "analyses are unavailable: " + active.problem());
        } else {
            ModelMetadata metadata = served.get().metadata();
            ModelDescription d = metadata.description();
            model.put("state", "active");
            model.put("active_version", metadata.version());
            model.put("kind", d.kind().code());
            model.put("symbol", d.symbol());
            model.put("interval", d.interval().code());
            model.put("trained_at", metadata.createdAt().toString());
            model.put("age_s", Duration.between(metadata.createdAt(), clock.instant()).toSeconds());
            model.put("training_window", Map.of("from", d.trainFrom().toString(), "to", d.trainTo().toString(),
                    "rows", d.trainRows()));
            model.put("data_freshness_s", Duration.between(d.trainTo(), clock.instant()).toSeconds());
            model.put("sha256", metadata.sha256());
            model.put("out_of_sample", d.metrics());
        }
        CacheState state = cache.state();
        Map<String, Object> cacheState = new LinkedHashMap<>();
        cacheState.put("enabled", settings.cache().enabled());
        cacheState.put("backend", state.backend());
        cacheState.put("reachable", state.reachable());
        cacheState.put("entries", state.entries());
        cacheState.put("bytes", state.bytes());
        cacheState.put("max_bytes", state.maxBytes());
        cacheState.put("ttl_s", state.ttlSeconds());
        cacheState.put("hits", state.hits());
        cacheState.put("misses", state.misses());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", "ai");
        data.put("status", health.status());
        data.put("version", BuildInfo.version());
        data.put("uptime_s", health.uptimeSeconds());
        data.put("model", model);
        data.put("cache", cacheState);
        data.put("database", health.components().get("database"));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", true);
        envelope.put("data", data);
        envelope.put("timestamp", clock.instant().toString());
        return envelope;
    }
}
