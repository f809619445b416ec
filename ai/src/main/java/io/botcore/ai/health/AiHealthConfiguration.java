package io.botcore.ai.health;

import com.mongodb.client.MongoDatabase;

import io.botcore.ai.AiSettings;
import io.botcore.platform.BuildInfo;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.cache.CacheProbe;
import io.botcore.platform.health.HealthMonitor;
import io.botcore.platform.mongo.DatabaseProbe;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database (model registry and metrics) is critical; the cache is not. */
@Configuration(proxyBeanMethods = false)
class AiHealthConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    HealthMonitor healthMonitor(AiSettings settings, MongoDatabase database, AnswerCache cache, Clock clock) {
        HealthMonitor monitor = new HealthMonitor("ai", BuildInfo.version(), clock,
                List.of(new DatabaseProbe(database, settings.database().redactedUrl(), clock), new CacheProbe(cache, clock)));
        monitor.refreshNow();
        return monitor;
    }
}
