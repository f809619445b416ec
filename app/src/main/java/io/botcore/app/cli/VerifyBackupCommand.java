package io.botcore.app.cli;

import io.botcore.app.backup.BackupManifest;
import io.botcore.app.backup.BackupVerification;
import io.botcore.app.backup.DatabaseRestore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import com.mongodb.client.MongoDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify-backup", mixinStandardHelpOptions = true,
        description = {"The manual's weekly backup verification: checks the backup's files against their SHA-256, "
                + "restores it into a scratch database on the same server, compares every collection's document "
                + "count and indexes with the manifest, and drops the scratch database.",
            "Exit 0 when everything matches, 1 on any difference (each one printed)."})
public final class VerifyBackupCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--from", paramLabel = "BACKUP", defaultValue = "latest",
            description = "latest (default), a backup name, a backup folder, s3:latest or s3:NAME")
    String from;

    @Override
    public Integer call() throws IOException {
        BackupContext context = BackupContext.load(options);
        Path scratch = Files.createTempDirectory("bot-core-verify");
        try {
            Path folder = context.resolve(from, scratch);
            BackupManifest manifest = BackupManifest.read(folder.resolve(BackupManifest.FILE));
            String name = context.database.databaseName() + "_verify_" + Instant.now().getEpochSecond();
            List<String> problems = context.withClient(client -> {
                MongoDatabase db = client.getDatabase(name);
                try {
                    DatabaseRestore.Result restored = RestoreCommand.restore(db, folder, true);
                    System.out.printf("restored %s into scratch database %s: %d documents in %d collections%n",
                            manifest.name(), name, restored.inserted(), restored.collections().size());
                    return BackupVerification.differences(manifest, db);
                } finally {
                    db.drop();
                }
            });
            System.out.println("scratch database " + name + " dropped");
            if (!problems.isEmpty()) {
                problems.forEach(p -> System.out.println("  DIFFERENCE " + p));
                System.out.println("backup " + manifest.name() + " FAILED verification: " + problems.size() + " differences");
                return 1;
            }
            System.out.printf("backup %s verified: %d collections, %d documents and every index match the manifest%n",
                    manifest.name(), manifest.collections().size(), manifest.documents());
            return 0;
        } finally {
            RestoreCommand.deleteQuietly(scratch);
        }
    }
}
