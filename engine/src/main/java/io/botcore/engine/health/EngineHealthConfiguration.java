package io.botcore.engine.health;

import com.mongodb.client.MongoDatabase;

import io.botcore.engine.EngineSettings;
import io.botcore.platform.BuildInfo;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.cache.CacheProbe;
import io.botcore.platform.health.HealthMonitor;
import io.botcore.platform.health.HttpHealthProbe;
import io.botcore.platform.health.Probe;
import io.botcore.platform.mongo.DatabaseProbe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineHealthConfiguration {

    /**
     * The database is critical (down means unhealthy, HTTP 503); the AI service and the exchange are
     * not (down means degraded: the engine still serves and protects open positions).
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    HealthMonitor healthMonitor(EngineSettings settings, MongoDatabase database, AnswerCache cache,
            List<Probe> extraProbes, Clock clock) {
        List<Probe> probes = new ArrayList<>();
        probes.add(new DatabaseProbe(database, settings.database().redactedUrl(), clock));
        probes.add(new HttpHealthProbe("ai_service", settings.aiServiceUrl().resolve("/health"), false, clock));
        probes.addAll(extraProbes);
        probes.add(new CacheProbe(cache, clock));
        HealthMonitor monitor = new HealthMonitor("engine", BuildInfo.version(), clock, probes);
        monitor.refreshNow();
        return monitor;
    }
}
