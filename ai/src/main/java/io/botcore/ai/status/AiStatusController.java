package io.botcore.ai.status;

import io.botcore.ai.AiSettings;
import io.botcore.platform.BuildInfo;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.cache.CacheState;
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
    private final AnswerCache cache;

    AiStatusController(AiSettings settings, HealthMonitor monitor, AnswerCache cache, Clock clock) {
        this.settings = settings;
        this.cache = cache;
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
