package io.botcore.app.cli;

import com.mongodb.client.MongoClient;

import io.botcore.ai.AiSettings;
import io.botcore.engine.EngineSettings;
import io.botcore.platform.config.CommonSettings;
import io.botcore.platform.config.ConfigLoader;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.config.Setting;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.bson.Document;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Checks every setting of both services and the files they need, lists every problem at once and exits
 * 1 when there is any. It changes nothing.
 */
@Command(name = "validate-env", mixinStandardHelpOptions = true,
        description = "Check every setting, secret and file; list all problems; exit 1 on any.")
public final class ValidateEnvCommand implements Callable<Integer> {

    /** The default of the original system, which must never sign a token here. */
    static final String ORIGINAL_DEFAULT_SECRET = "default_jwt_secret_change_in_production";

    @Mixin
    ConfigOptions options = new ConfigOptions();

    private final List<String> problems = new ArrayList<>();

    @Override
    public Integer call() {
        LoadedConfig engine = check("engine", EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS);
        check("ai", AiCommand.CONFIG_FILE, AiSettings.SETTINGS);
        checkEnvFile(Home.resolve(options.envFile));
        checkSecret(engine);
        checkWritable("data folder", Home.resolve(value(engine, CommonSettings.DATA_DIR)));
        checkWritable("log folder", Home.resolve(value(engine, CommonSettings.LOG_DIR)));
        if (engine.get(CommonSettings.DATABASE_URL) != null) {
            checkDatabase(DatabaseSettings.of(engine.get(CommonSettings.DATABASE_URL).toString()));
        }
        if (problems.isEmpty()) {
            System.out.println("environment OK");
            return 0;
        }
        System.out.println(problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
        problems.forEach(p -> System.out.println("  ✘ " + p));
        return 1;
    }

    private LoadedConfig check(String service, String file, List<Setting<?>> settings) {
        ConfigLoader.Resolution resolution = options.resolve(file, settings);
        resolution.config().warnings().forEach(w -> System.out.println("  ! " + w));
        if (resolution.errors().isEmpty()) {
            ok(service + " configuration " + options.configFile(file) + (Files.exists(options.configFile(file)) ? ""
                    : " (file absent: defaults and environment only)"));
        }
        problems.addAll(resolution.errors());
        return resolution.config();
    }

    /** The value, or the setting's default when the configured value was invalid (reported already). */
    private static <T> T value(LoadedConfig config, Setting<T> setting) {
        T value = config.get(setting);
        return value != null ? value : setting.defaultValue();
    }

    private void checkEnvFile(Path env) {
        if (!Files.exists(env)) {
            problems.add(env + " does not exist: run ./bot-core generate-secrets");
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(env);
            if (!perms.equals(PosixFilePermissions.fromString("rw-------"))) {
                problems.add(env + " has mode " + PosixFilePermissions.toString(perms)
                        + ", expected rw------- (chmod 600 " + env + ")");
            } else {
                ok(env + " exists with mode 0600");
            }
        } catch (IOException | UnsupportedOperationException e) {
            problems.add("cannot read permissions of " + env + ": " + e.getMessage());
        }
    }

    private void checkSecret(LoadedConfig config) {
        String secret = config.get(CommonSettings.JWT_SECRET);
        if (secret == null) {
            problems.add("JWT_SECRET is not set (in .env or the environment): run ./bot-core generate-secrets");
        } else if (secret.equals(ORIGINAL_DEFAULT_SECRET)) {
            problems.add("JWT_SECRET is the original system's public default: run ./bot-core generate-secrets");
        } else {
            ok("JWT_SECRET set (" + secret.length() + " characters, from " + config.origin(CommonSettings.JWT_SECRET)
                    + ")");
        }
    }

    private void checkWritable(String what, Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            problems.add(what + " " + dir + " cannot be created or written");
        } else {
            ok(what + " " + dir + " writable");
        }
    }

    private void checkDatabase(DatabaseSettings database) {
        DatabaseSettings quick = new DatabaseSettings(database.url(), 1, Duration.ofSeconds(3), database.idleTimeout());
        try (MongoClient client = MongoClients.create(quick, new SimpleMeterRegistry())) {
            client.getDatabase(quick.databaseName()).runCommand(new Document("ping", 1));
            ok("database " + quick.redactedUrl() + " answers ping");
        } catch (RuntimeException e) {
            problems.add("database " + quick.redactedUrl() + " does not answer within 3 s ("
                    + e.getClass().getSimpleName() + "); start it (./bot-core db) or fix DATABASE_URL");
        }
    }

    private static void ok(String message) {
        System.out.println("  ✔ " + message);
    }
}
