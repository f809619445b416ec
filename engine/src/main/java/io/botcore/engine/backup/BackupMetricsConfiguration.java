package io.botcore.engine.backup;

import com.mongodb.client.MongoDatabase;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackupMetricsConfiguration {

    @Bean
    BackupMetrics backupMetrics(MongoDatabase database, Clock clock) {
        return new BackupMetrics(database, clock);
    }
}
