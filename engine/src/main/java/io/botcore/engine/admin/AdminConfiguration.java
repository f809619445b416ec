package io.botcore.engine.admin;

import com.mongodb.client.MongoDatabase;

import io.botcore.engine.EngineSettings;

import java.time.Clock;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    AuditLog auditLog(MongoDatabase database, Clock clock) {
        return new AuditLog(database, clock);
    }

    @Bean
    IpBlocklist ipBlocklist(MongoDatabase database, Clock clock) {
        IpBlocklist blocklist = new IpBlocklist(database, clock);
        blocklist.reload();
        return blocklist;
    }

    @Bean
    RuntimeLogLevel runtimeLogLevel(MongoDatabase database, LoggingSystem logging, Clock clock, EngineSettings settings) {
        RuntimeLogLevel level = new RuntimeLogLevel(database, logging, clock, settings.logLevel());
        level.sync();
        return level;
    }

    @Bean
    FilterRegistrationBean<IpBlockFilter> ipBlockFilter(IpBlocklist blocklist) {
        FilterRegistrationBean<IpBlockFilter> registration = new FilterRegistrationBean<>(new IpBlockFilter(blocklist));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    Sync adminSync(IpBlocklist blocklist, RuntimeLogLevel level) {
        return new Sync(blocklist, level);
    }

    /** Every second: picks up blocks and log-level changes made by other engines or the CLI. */
    static final class Sync {
        private final IpBlocklist blocklist;
        private final RuntimeLogLevel level;

        Sync(IpBlocklist blocklist, RuntimeLogLevel level) {
            this.blocklist = blocklist;
            this.level = level;
        }

        @Scheduled(fixedDelayString = "PT1S")
        void sync() {
            blocklist.reload();
            level.sync();
        }
    }
}
