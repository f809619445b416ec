package io.botcore.app.cli;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.botcore.app.backup.BackupManifest;
import io.botcore.app.backup.LocalBackups;
import io.botcore.app.backup.S3Backups;
import io.botcore.engine.EngineSettings;
import io.botcore.platform.backup.BackupSettings;
import io.botcore.platform.config.CommonSettings;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the backup commands share: the {@code [backup]} settings with the folder made absolute, the database
 * settings, and finding a backup by name, path, {@code latest} or in the bucket ({@code s3:NAME}, {@code s3:latest}).
 */
final class BackupContext {

    final BackupSettings backup;
    final DatabaseSettings database;
    final LocalBackups local;

    private BackupContext(BackupSettings backup, DatabaseSettings database) {
        this.backup = backup;
        this.database = database;
        this.local = new LocalBackups(Path.of(backup.dir()));
    }

    static BackupContext load(ConfigOptions options) {
        LoadedConfig config;
        try {
            config = options.load(EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS, Map.of());
        } catch (ConfigException e) {
            throw new CliFailure(ConfigErrors.EXIT_CONFIG, String.join("; ", e.problems()));
        }
        BackupSettings backup = BackupSettings.from(config);
        return new BackupContext(backup.withDir(Home.resolve(backup.dir()).toString()), CommonSettings.database(config));
    }

    MongoClient client() {
        return MongoClients.create(database, new SimpleMeterRegistry());
    }

    /** Runs {@code action} on the configured database, turning "no server" into a clear failure. */
    <T> T withDatabase(java.util.function.Function<MongoDatabase, T> action) {
        return withClient(client -> action.apply(client.getDatabase(database.databaseName())));
    }

    /** Runs {@code action} with a client of the configured server, turning "no server" into a clear failure. */
    <T> T withClient(java.util.function.Function<MongoClient, T> action) {
        try (MongoClient client = client()) {
            return action.apply(client);
        } catch (MongoTimeoutException e) {
            throw new CliFailure(1, "database " + database.redactedUrl() + " does not answer: start it (./bot-core db) "
                    + "or fix DATABASE_URL");
        }
    }

    /**
     * The folder of the backup {@code from} names, downloading it from the bucket into {@code scratch} when it
     * is an {@code s3:} name. Its files are checked against the manifest's SHA-256 sums.
     */
    Path resolve(String from, Path scratch) throws IOException {
        Path folder;
        if (from.startsWith("s3:")) {
            if (!backup.uploads()) {
                throw new CliFailure(2, "--from " + from + ": no bucket is configured (backup.s3_bucket / BACKUP_S3_BUCKET)");
            }
            try (S3Backups s3 = new S3Backups(backup)) {
                String name = from.substring(3);
                if (name.equals("latest")) {
                    List<String> names = s3.list();
                    if (names.isEmpty()) {
                        throw new CliFailure(1, "--from s3:latest: the bucket holds no backup (" + s3.url("") + ")");
                    }
                    name = names.get(names.size() - 1);
                }
                folder = scratch.resolve(name);
                s3.download(name, folder);
                System.err.println("downloaded " + s3.url(name) + " to " + folder);
            }
        } else if (from.equals("latest")) {
            folder = local.folder(local.latest().orElseThrow(() -> new CliFailure(1,
                    "--from latest: no backup in " + local.dir() + " (run ./bot-core backup, or --from s3:latest)")));
        } else if (Files.isDirectory(local.folder(from))) {
            folder = local.folder(from);
        } else {
            folder = Path.of(from).isAbsolute() ? Path.of(from) : Path.of(System.getenv().getOrDefault("BOTCORE_CWD", ".")).resolve(from);
        }
        if (!Files.isRegularFile(folder.resolve(BackupManifest.FILE))) {
            throw new CliFailure(2, "--from " + from + ": " + folder + " is not a backup folder (no manifest.json); "
                    + "backups: " + local.list());
        }
        List<String> problems = BackupManifest.read(folder.resolve(BackupManifest.FILE)).checkFiles(folder);
        if (!problems.isEmpty()) {
            throw new CliFailure(1, "backup " + folder + " is damaged: " + String.join("; ", problems));
        }
        return folder;
    }
}
