package io.botcore.app.backup;

import com.mongodb.client.MongoDatabase;

import io.botcore.platform.backup.BackupSettings;
import io.botcore.platform.backup.BackupStatus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * One backup run, the manual's {@code backup.sh} steps: database archive, configuration archive, manifest
 * with checksums, upload to the bucket when one is configured, retention applied locally and in the bucket,
 * a line in {@code backup.log}, and the outcome in {@link BackupStatus} for the backup alerts.
 */
public final class BackupJob {

    /** The log of runs inside the backup folder. */
    public static final String LOG = "backup.log";

    /**
     * What a run did.
     *
     * @param name backup name
     * @param folder its local folder
     * @param manifest its manifest
     * @param uploadedTo bucket URL, or {@code null} when not uploaded
     * @param prunedLocal local backups deleted by the retention policy
     * @param prunedRemote backups deleted from the bucket
     * @param duration how long the run took
     */
    public record Report(String name, Path folder, BackupManifest manifest, String uploadedTo, List<String> prunedLocal,
            List<String> prunedRemote, Duration duration) {
    }

    private final Path home;
    private final BackupSettings settings;
    private final RetentionPolicy retention;
    private final Clock clock;
    private final String tool;

    /**
     * @param home install folder (the configuration files are taken from it)
     * @param settings the backup section, its folder already absolute
     */
    public BackupJob(Path home, BackupSettings settings, RetentionPolicy retention, Clock clock, String tool) {
        this.home = home;
        this.settings = settings;
        this.retention = retention;
        this.clock = clock;
        this.tool = tool;
    }

    /**
     * Runs the backup; on failure logs it, records it for the alerts and rethrows.
     */
    public Report run(MongoDatabase database) throws IOException {
        Instant start = clock.instant();
        String name = BackupName.of(start);
        LocalBackups local = new LocalBackups(Path.of(settings.dir()));
        Path partial = local.dir().resolve(name + ".partial");
        try {
            Files.createDirectories(local.dir());
            LocalBackups.deleteTree(partial);
            Files.createDirectories(partial);
            Path archive = partial.resolve("mongodb-" + name + ".archive.gz");
            DatabaseDump.Result dump;
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive), 1 << 16)) {
                dump = DatabaseDump.dump(database, out, tool);
            }
            Path config = partial.resolve("config-" + name + ".tar.gz");
            ConfigArchive.write(home, config);
            Map<String, BackupManifest.CollectionEntry> collections = new LinkedHashMap<>();
            dump.collections().forEach((c, s) -> collections.put(c, new BackupManifest.CollectionEntry(s.documents(), s.indexes())));
            Map<String, BackupManifest.FileEntry> files = new LinkedHashMap<>();
            files.put(archive.getFileName().toString(), BackupManifest.FileEntry.of(archive));
            files.put(config.getFileName().toString(), BackupManifest.FileEntry.of(config));
            BackupManifest manifest = new BackupManifest(1, name, start.toString(), clock.instant().toString(),
                    database.getName(), dump.serverVersion(), tool, collections, files);
            manifest.write(partial.resolve(BackupManifest.FILE));
            Path folder = local.folder(name);
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);

            String uploaded = null;
            List<String> prunedRemote = List.of();
            if (settings.uploads()) {
                try (S3Backups s3 = new S3Backups(settings)) {
                    s3.upload(folder, name);
                    uploaded = s3.url(name);
                    prunedRemote = prune(s3.list(), s3::delete);
                }
            }
            List<String> prunedLocal = prune(local.list(), local::delete);
            Duration took = Duration.between(start, clock.instant());
            long bytes = manifest.files().values().stream().mapToLong(BackupManifest.FileEntry::bytes).sum();
            log(String.format("Backup completed: %s collections=%d documents=%d bytes=%d seconds=%.1f%s pruned=%d",
                    name, collections.size(), manifest.documents(), bytes, took.toMillis() / 1000.0,
                    uploaded == null ? "" : " uploaded=" + uploaded, prunedLocal.size() + prunedRemote.size()));
            BackupStatus.success(database, clock.instant(), settings.interval(), name);
            return new Report(name, folder, manifest, uploaded, prunedLocal, prunedRemote, took);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ");
            log("Backup FAILED: " + name + " " + message);
            try {
                BackupStatus.failure(database, clock.instant(), settings.interval(), message);
            } catch (RuntimeException unreachable) {
                e.addSuppressed(unreachable);
            }
            throw e;
        }
    }

    /** Applies the retention policy to the named backups; returns those deleted. */
    List<String> prune(List<String> names, Deleter deleter) throws IOException {
        Map<Instant, String> byTime = new LinkedHashMap<>();
        names.forEach(n -> byTime.put(BackupName.parse(n), n));
        Set<Instant> keep = retention.keep(byTime.keySet(), clock.instant());
        List<String> deleted = new ArrayList<>();
        for (Map.Entry<Instant, String> b : byTime.entrySet()) {
            if (!keep.contains(b.getKey())) {
                deleter.delete(b.getValue());
                deleted.add(b.getValue());
            }
        }
        return deleted;
    }

    /** Deletes one backup by name. */
    interface Deleter {
        void delete(String name) throws IOException;
    }

    private void log(String line) throws IOException {
        Files.createDirectories(Path.of(settings.dir()));
        Files.writeString(Path.of(settings.dir()).resolve(LOG), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + line + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
