package io.botcore.app.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.botcore.engine.EngineSettings;
import io.botcore.engine.persistence.Indexes;
import io.botcore.platform.config.CommonSettings;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.Map;
import java.util.function.Function;

/**
 * Host commands that act on the engine's database directly (accounts, audit, IP blocks, log level):
 * whoever runs them on the host is the administrator. Engines pick the changes up within a second.
 */
final class EngineDatabase {

    private EngineDatabase() {
    }

    static <T> T with(ConfigOptions options, Function<MongoDatabase, T> action) {
        LoadedConfig config;
        try {
            config = options.load(EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS, Map.of());
        } catch (ConfigException e) {
            throw new CliFailure(ConfigErrors.EXIT_CONFIG, String.join("; ", e.problems()));
        }
        DatabaseSettings settings = CommonSettings.database(config);
        try (MongoClient client = MongoClients.create(settings, new SimpleMeterRegistry())) {
            MongoDatabase database = client.getDatabase(settings.databaseName());
            Indexes.ensure(database);
            return action.apply(database);
        } catch (com.mongodb.MongoTimeoutException e) {
            throw new CliFailure(1, "database " + settings.redactedUrl() + " does not answer: start it (./bot-core db) "
                    + "or fix DATABASE_URL");
        }
    }
}
