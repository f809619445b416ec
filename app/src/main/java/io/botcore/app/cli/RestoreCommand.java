package io.botcore.app.cli;

import io.botcore.app.backup.BackupManifest;
import io.botcore.app.backup.ConfigArchive;
import io.botcore.app.backup.DatabaseRestore;
import io.botcore.app.backup.LocalBackups;
import io.botcore.platform.backup.BackupStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import com.mongodb.client.MongoDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by ./bot-core backup into the database (the manual's mongorestore "
                + "--archive --gzip [--drop]). The backup's files are checked against its manifest first.",
            "Stop the engine and AI service before restoring over live data. The record of the newest backup "
                + "(for the backup alerts) is kept as it was. With --with-config the restored .env and config "
                + "files (DATABASE_URL included) apply to the database restore too."})
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--from", required = true, paramLabel = "BACKUP",
            description = "latest, a backup name (20261203-020000), a backup folder, s3:latest or s3:NAME")
    String from;

    @Option(names = "--drop", description = "drop each collection of the backup before restoring it "
            + "(without it, documents whose _id exists are kept and counted as skipped)")
    boolean drop;

    @Option(names = "--database", paramLabel = "NAME", description = "restore into this database "
            + "(default: the one in DATABASE_URL)")
    String database;

    @Option(names = "--with-config", description = "also put back .env, config/config.toml and config/config.yaml "
            + "from the backup's config archive (overwrites them)")
    boolean config;

    @Override
    public Integer call() throws IOException {
        BackupContext context = BackupContext.load(options);
        Path scratch = Files.createTempDirectory("bot-core-restore");
        try {
            Path folder = context.resolve(from, scratch);
            BackupManifest manifest = BackupManifest.read(folder.resolve(BackupManifest.FILE));
            if (config) {
                List<String> files = ConfigArchive.extract(LocalBackups.configArchive(folder), Home.dir());
                System.out.println("configuration restored: " + String.join(", ", files));
                context = BackupContext.load(options);
            }
            String target = database == null ? context.database.databaseName() : database;
            BackupContext restoreTo = context;
            DatabaseRestore.Result result = restoreTo.withClient(client -> restore(client.getDatabase(target), folder, drop));
            for (Map.Entry<String, DatabaseRestore.Counts> c : result.collections().entrySet()) {
                BackupManifest.CollectionEntry expected = manifest.collections().get(c.getKey());
                System.out.printf("  %-24s %8d inserted %8d skipped (backup: %d)%n", c.getKey(), c.getValue().inserted(),
                        c.getValue().skipped(), expected == null ? 0 : expected.documents());
            }
            System.out.printf("restored backup %s into %s: %d documents inserted, %d skipped%s%n", manifest.name(),
                    target, result.inserted(), result.skipped(), drop ? " (collections dropped first)" : "");
            return 0;
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Restores the backup's database archive into {@code db}, keeping the record of the newest backup. */
    static DatabaseRestore.Result restore(MongoDatabase db, Path folder, boolean drop) {
        return BackupStatus.keptAcross(db, () -> {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(LocalBackups.archive(folder)), 1 << 16)) {
                return DatabaseRestore.restore(in, db, drop);
            } catch (IOException e) {
                throw new CliFailure(1, "restore from " + folder + " failed: " + e.getMessage());
            }
        });
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("warning: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
