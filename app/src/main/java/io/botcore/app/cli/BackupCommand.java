package io.botcore.app.cli;

import io.botcore.app.backup.BackupJob;
import io.botcore.app.backup.RetentionPolicy;
import io.botcore.platform.BuildInfo;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the database and the configuration (the manual's backup.sh): "
                + "backups/<yyyyMMdd-HHmmss>/ gets mongodb-<date>.archive.gz (mongodump --archive --gzip format, "
                + "restorable by mongorestore), config-<date>.tar.gz (.env, config/config.toml, config/config.yaml) "
                + "and manifest.json (documents and indexes per collection, SHA-256 of each file).",
            "Uploads to the S3 bucket when backup.s3_bucket (BACKUP_S3_BUCKET) is set, keeps 30 daily, 12 weekly, "
                + "12 monthly and 7 yearly backups (and all of the last 24 h) locally and in the bucket, appends a "
                + "line to backups/backup.log and records the outcome for the backup alerts. Exit 1 on failure."})
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        BackupContext context = BackupContext.load(options);
        BackupJob job = new BackupJob(Home.dir(), context.backup, RetentionPolicy.STANDARD, Clock.systemUTC(),
                "bot-core " + BuildInfo.version());
        BackupJob.Report report = context.withDatabase(db -> {
            try {
                return job.run(db);
            } catch (IOException | RuntimeException e) {
                throw new CliFailure(1, "backup failed (logged in " + context.local.dir().resolve(BackupJob.LOG) + "): "
                        + e.getMessage());
            }
        });
        System.out.printf("backup %s: %d collections, %d documents, %.1f s -> %s%n", report.name(),
                report.manifest().collections().size(), report.manifest().documents(),
                report.duration().toMillis() / 1000.0, report.folder());
        if (report.uploadedTo() != null) {
            System.out.println("uploaded to " + report.uploadedTo());
        }
        if (!report.prunedLocal().isEmpty() || !report.prunedRemote().isEmpty()) {
            System.out.println("retention removed " + report.prunedLocal().size() + " local and "
                    + report.prunedRemote().size() + " remote backups");
        }
        return 0;
    }
}
