package io.botcore.ai;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.botcore.platform.PlatformConfiguration;
import io.botcore.platform.ServiceLauncher;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.cache.AnswerCaches;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The AI service (:8000). Start it with {@link #start(AiSettings)}. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class AiApplication {

    /** Starts the AI service; close the returned context to stop it gracefully. */
    public static ConfigurableApplicationContext start(AiSettings settings) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.address", settings.host());
        p.put("server.port", settings.port());
        p.put("server.tomcat.threads.max", settings.workers());
        p.put("server.tomcat.threads.min-spare", Math.min(settings.workers(), 4));
        p.put("spring.mvc.async.request-timeout", settings.timeout().toMillis() + "ms");
        p.put("server.tomcat.connection-timeout", settings.timeout().toMillis() + "ms");
        p.put("logging.level.io.botcore", settings.logLevel());
        p.put("logging.level.http", settings.logLevel());
        p.put("logging.level.health", settings.logLevel());
        p.put("botcore.log.dir", settings.logDir());
        p.put("botcore.data-dir", settings.dataDir());
        return ServiceLauncher.start(AiApplication.class, "ai", p,
                context -> context.registerBean(AiSettings.class, () -> settings));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    AnswerCache answerCache(AiSettings settings, MeterRegistry registry) {
        return AnswerCaches.create(settings.cache(), registry);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(AiSettings settings, MeterRegistry registry) {
        return MongoClients.create(settings.database(), registry);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, AiSettings settings) {
        return client.getDatabase(settings.database().databaseName());
    }
}
