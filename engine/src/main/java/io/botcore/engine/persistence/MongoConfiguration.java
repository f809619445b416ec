package io.botcore.engine.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.botcore.engine.EngineSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EngineSettings settings, MeterRegistry registry) {
        return MongoClients.create(settings.database(), registry);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, EngineSettings settings) {
        MongoDatabase database = client.getDatabase(settings.database().databaseName());
        Indexes.ensure(database);
        return database;
    }
}
