package io.botcore.platform.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;

import java.util.concurrent.TimeUnit;

/**
 * Builds the one {@link MongoClient} of a service from {@link DatabaseSettings}, with command latency
 * and pool use published as metrics. Options given in the URL itself (replica set, read preference,
 * credentials) are kept; the config keys set pool size and timeouts.
 */
public final class MongoClients {

    private MongoClients() {
    }

    public static MongoClient create(DatabaseSettings settings, MeterRegistry registry) {
        return com.mongodb.client.MongoClients.create(clientSettings(settings, registry));
    }

    /** The driver settings {@link #create} uses: the URL's own options plus pool size and timeouts. */
    static MongoClientSettings clientSettings(DatabaseSettings settings, MeterRegistry registry) {
        long timeoutMs = settings.connectionTimeout().toMillis();
        return MongoClientSettings.builder()
                .applyConnectionString(settings.url())
                .applicationName("bot-core")
                .applyToConnectionPoolSettings(pool -> pool
                        .maxSize(settings.poolSize())
                        .maxConnectionIdleTime(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .addConnectionPoolListener(new MongoMetricsConnectionPoolListener(registry)))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToServerSettings(server -> server.heartbeatFrequency(2, TimeUnit.SECONDS)
                        .minHeartbeatFrequency(250, TimeUnit.MILLISECONDS))
                .addCommandListener(new MongoMetricsCommandListener(registry))
                .build();
    }
}
