package io.botcore.ai.status;

import io.botcore.ai.AiSettings;
import io.botcore.platform.BuildInfo;
import io.botcore.platform.health.HealthMonitor;
import io.botcore.platform.health.HealthReport;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ai/status}: which model answers analyses, its out-of-sample metrics, cache and
 * database state, uptime. No model has been trained in this build yet, and the answer says exactly that
 * instead of inventing a model or a score.
 */
@RestController
class AiStatusController {

    private final AiSettings settings;
    private final HealthMonitor monitor;
    private final Clock clock;

    AiStatusController(AiSettings settings, HealthMonitor monitor, Clock clock) {
        this.settings = settings;
        this.monitor = monitor;
        this.clock = clock;
    }

    @GetMapping("/api/ai/status")
    Map<String, Object> status() {
        HealthReport health = monitor.report();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("state", "none");
        model.put("active_version", null);
        model.put("message", "no trained model: analyses are unavailable until a model is trained and promoted");
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("enabled", settings.cacheEnabled());
        cache.put("backend", settings.cacheBackend());
        cache.put("ttl_s", settings.cacheTtl().toSeconds());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", "ai");
        data.put("status", health.status());
        data.put("version", BuildInfo.version());
        data.put("uptime_s", health.uptimeSeconds());
        data.put("model", model);
        data.put("cache", cache);
        data.put("database", health.components().get("database"));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", true);
        envelope.put("data", data);
        envelope.put("timestamp", clock.instant().toString());
        return envelope;
    }
}
