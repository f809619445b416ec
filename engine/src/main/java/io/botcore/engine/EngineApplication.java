package io.botcore.engine;

import io.botcore.platform.PlatformConfiguration;
import io.botcore.platform.ServiceLauncher;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.cache.AnswerCaches;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The trading engine service (:8080). Start it with {@link #start(EngineSettings)}. */
@SpringBootApplication
@EnableScheduling
@Import(PlatformConfiguration.class)
public class EngineApplication {

    /** Starts the engine; close the returned context to stop it gracefully. */
    public static ConfigurableApplicationContext start(EngineSettings settings) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.address", settings.host());
        p.put("server.port", settings.port());
        p.put("server.tomcat.threads.max", settings.workers());
        p.put("server.tomcat.threads.min-spare", Math.min(settings.workers(), 10));
        p.put("server.tomcat.max-connections", settings.maxConnections());
        p.put("server.tomcat.keep-alive-timeout", settings.keepAlive().toMillis() + "ms");
        p.put("server.forward-headers-strategy", "native");
        p.put("server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For");
        p.put("server.tomcat.remoteip.protocol-header", "X-Forwarded-Proto");
        p.put("server.tomcat.remoteip.internal-proxies", proxyPattern(settings.trustedProxies()));
        p.put("logging.level.io.botcore", settings.logLevel());
        p.put("logging.level.http", settings.logLevel());
        p.put("logging.level.health", settings.logLevel());
        p.put("botcore.log.dir", settings.logDir());
        p.put("botcore.data-dir", settings.dataDir());
        return ServiceLauncher.start(EngineApplication.class, "engine", p,
                context -> context.registerBean(EngineSettings.class, () -> settings));
    }

    /** Tomcat's regular expression for the trusted proxies; {@code ::1} also in its long form. */
    static String proxyPattern(java.util.List<String> proxies) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String proxy : proxies) {
            parts.add(java.util.regex.Pattern.quote(proxy));
            if (proxy.equals("::1")) {
                parts.add(java.util.regex.Pattern.quote("0:0:0:0:0:0:0:1"));
            }
        }
        return parts.isEmpty() ? "a^" : String.join("|", parts);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    AnswerCache answerCache(EngineSettings settings, MeterRegistry registry) {
        return AnswerCaches.create(settings.cache(), registry);
    }
}
