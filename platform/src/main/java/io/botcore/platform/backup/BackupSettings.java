package io.botcore.platform.backup;

import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.config.Setting;
import io.botcore.platform.config.ValueParser;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [backup]} section: where backups go, how often they are expected, and the optional
 * S3-compatible bucket they are copied to.
 *
 * @param dir local folder of the backups ({@code backups}, relative to the install folder)
 * @param interval how often a backup is expected; the overdue alert fires after two intervals
 * @param s3Bucket bucket to upload to; {@code null} keeps backups local only
 * @param s3Prefix key prefix inside the bucket (may be empty)
 * @param s3Endpoint endpoint of an S3-compatible store (MinIO, Ceph, ...); {@code null} for AWS itself
 * @param s3Region region name the request signatures use
 */
public record BackupSettings(String dir, Duration interval, String s3Bucket, String s3Prefix, URI s3Endpoint,
        String s3Region) {

    public static final Setting<String> DIR = Setting.of("backup.dir", "backups", ValueParser.text(1),
            "folder of the local backups");
    public static final Setting<Duration> INTERVAL = Setting.of("backup.interval", Duration.ofHours(1),
            ValueParser.seconds(60, 31_536_000),
            "seconds between scheduled backups (the RPO); the overdue alert fires after two");
    public static final Setting<String> S3_BUCKET = Setting.of("backup.s3_bucket", null, ValueParser.text(3),
            "S3 bucket the backups are uploaded to (unset: local only)").withEnv("BACKUP_S3_BUCKET");
    public static final Setting<String> S3_PREFIX = Setting.of("backup.s3_prefix", "", ValueParser.text(0),
            "key prefix of the backups inside the bucket").withEnv("BACKUP_S3_PREFIX");
    public static final Setting<URI> S3_ENDPOINT = Setting.of("backup.s3_endpoint", null,
            ValueParser.uri("https", "http"), "endpoint of an S3-compatible store (unset: AWS)")
            .withEnv("BACKUP_S3_ENDPOINT");
    public static final Setting<String> S3_REGION = Setting.of("backup.s3_region", "us-east-1", ValueParser.text(1),
            "region of the bucket").withEnv("AWS_REGION");

    /** Every key of the {@code [backup]} section. */
    public static final List<Setting<?>> ALL = List.of(DIR, INTERVAL, S3_BUCKET, S3_PREFIX, S3_ENDPOINT, S3_REGION);

    public BackupSettings {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("dir must not be blank");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        s3Prefix = s3Prefix == null ? "" : s3Prefix;
    }

    public static BackupSettings from(LoadedConfig config) {
        return new BackupSettings(config.get(DIR), config.get(INTERVAL), config.get(S3_BUCKET), config.get(S3_PREFIX),
                config.get(S3_ENDPOINT), config.get(S3_REGION));
    }

    /** Whether backups are also uploaded to a bucket. */
    public boolean uploads() {
        return s3Bucket != null;
    }

    /** A copy whose folder is the given one (resolved against the install folder by the caller). */
    public BackupSettings withDir(String folder) {
        return new BackupSettings(folder, interval, s3Bucket, s3Prefix, s3Endpoint, s3Region);
    }
}
