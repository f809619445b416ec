package io.botcore.app.cli;

import com.mongodb.client.MongoClient;

import io.botcore.ai.AiSettings;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ai models}: the registry's versions with their out-of-sample log loss, and the promotion and rollback
 * of the active model. A running AI service picks up the change within 5 seconds.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        subcommands = {AiModelsCommand.Promote.class, AiModelsCommand.Rollback.class},
        description = "List the registered models; 'promote <version>' and 'rollback' change the active one.")
public final class AiModelsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws IOException {
        return withRegistry(options, registry -> {
            Optional<String> active = registry.activeVersion();
            for (ModelMetadata m : registry.list()) {
                Object logLoss = m.description().metrics().get("log_loss");
                Object baseline = m.description().metrics().get("baseline") instanceof Map<?, ?> b
                        ? b.get("log_loss") : null;
                System.out.printf("%s %s %-8s %s %s  trained %s  rows %,d  log loss %s (baseline %s)%n",
                        active.filter(m.version()::equals).isPresent() ? "*" : " ", m.version(),
                        m.description().kind().code(), m.description().symbol(), m.description().interval().code(),
                        m.createdAt(), m.description().trainRows(), logLoss, baseline);
            }
            if (active.isEmpty()) {
                System.out.println("no active model");
            }
            return 0;
        });
    }

    /** {@code ai models promote <version>}. */
    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a version the active model.")
    static final class Promote implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Parameters(index = "0", description = "version, for example v0002")
        String version;

        @Override
        public Integer call() throws IOException {
            return withRegistry(options, registry -> {
                try {
                    registry.promote(version);
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(2, e.getMessage());
                }
                System.out.println("active model: " + version);
                return 0;
            });
        }
    }

    /** {@code ai models rollback}. */
    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Make the version active before the current one active again.")
    static final class Rollback implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() throws IOException {
            return withRegistry(options, registry -> {
                try {
                    System.out.println("active model: " + registry.rollback());
                } catch (IllegalStateException e) {
                    throw new CliFailure(2, e.getMessage());
                }
                return 0;
            });
        }
    }

    /** Work on the registry of the configured data folder and database. */
    private interface RegistryWork {
        int run(ModelRegistry registry) throws IOException;
    }

    private static int withRegistry(ConfigOptions options, RegistryWork work) throws IOException {
        AiSettings settings;
        try {
            settings = AiSettings.from(options.load(AiCommand.CONFIG_FILE, AiSettings.SETTINGS, Map.of()));
        } catch (ConfigException e) {
            return ConfigErrors.report("ai models", e);
        }
        try (MongoClient client = MongoClients.create(settings.database(), new SimpleMeterRegistry())) {
            return work.run(ModelRegistry.open(Home.resolve(settings.dataDir()).resolve("models"),
                    client.getDatabase(settings.database().databaseName()), Clock.systemUTC()));
        }
    }
}
