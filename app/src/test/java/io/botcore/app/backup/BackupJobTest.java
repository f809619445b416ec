package io.botcore.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.botcore.app.db.EmbeddedDatabase;
import io.botcore.platform.backup.BackupSettings;
import io.botcore.platform.backup.BackupStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class BackupJobTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    private static final String BUCKET = "bot-core-backups";

    @TempDir
    static Path shared;

    static S3MockServer s3mock;

    @TempDir
    Path home;

    @BeforeAll
    static void startS3() throws Exception {
        System.setProperty("aws.accessKeyId", "test-access-key");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
        Files.createDirectories(shared.resolve("s3"));
        s3mock = new S3MockServer(shared.resolve("s3"), BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @Test
    void shouldWriteUploadAndPruneABackupAsTheManualDescribes() throws Exception {
        writeConfig();
        Path backups = home.resolve("backups");
        List<String> old = List.of("20190601-020000", "20251231-020000", "20261120-010000", "20261120-020000");
        try (S3Client s3 = client()) {
            for (String name : old) {
                Files.createDirectories(backups.resolve(name));
                Files.writeString(backups.resolve(name).resolve(BackupManifest.FILE), "{}");
                s3.putObject(b -> b.bucket(BUCKET).key("prod/" + name + "/manifest.json"), RequestBody.fromString("{}"));
            }
        }
        BackupSettings settings = new BackupSettings(backups.toString(), Duration.ofHours(1), BUCKET, "prod",
                s3mock.endpoint(), "us-east-1");

        BackupJob.Report report;
        try (EmbeddedDatabase server = EmbeddedDatabase.start("127.0.0.1", 0, home.resolve("db"));
                MongoClient client = MongoArchiveTest.client(server)) {
            MongoDatabase db = client.getDatabase("bot_core");
            seed(db);
            report = new BackupJob(home, settings, RetentionPolicy.STANDARD, Clock.fixed(NOW, ZoneOffset.UTC), "bot-core test")
                    .run(db);
            BackupStatus status = BackupStatus.read(db).orElseThrow();
            assertThat(status.lastSuccess()).isEqualTo(NOW);
            assertThat(status.lastBackup()).isEqualTo("20261203-020000");
            assertThat(status.interval()).isEqualTo(Duration.ofHours(1));
        }

        Path folder = backups.resolve("20261203-020000");
        assertThat(report.folder()).isEqualTo(folder);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "config-20261203-020000.tar.gz", "manifest.json", "mongodb-20261203-020000.archive.gz");
        }
        BackupManifest manifest = BackupManifest.read(folder.resolve(BackupManifest.FILE));
        assertThat(manifest.collections().get("orders").documents()).isEqualTo(120);
        assertThat(manifest.collections().get("users").documents()).isEqualTo(2);
        assertThat(manifest.collections().get("orders").indexes()).extracting(IndexDefinition::toString)
                .contains("client_order_id_1 {client_order_id=1} unique");
        // checksums against coreutils' sha256sum
        for (String file : manifest.files().keySet()) {
            assertThat(manifest.files().get(file).sha256()).isEqualTo(run(folder, "sha256sum", file).split(" ")[0]);
        }
        // the configuration archive lists as GNU tar sees it, .env kept private
        String listing = run(folder, "tar", "-tzvf", "config-20261203-020000.tar.gz");
        assertThat(listing).contains(".env", "config/config.toml", "config/config.yaml");
        assertThat(listing.lines().filter(l -> l.endsWith(" .env")).findFirst().orElseThrow()).startsWith("-rw-------");
        // gzip stream of a mongodump archive: magic number after decompression
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve("mongodb-20261203-020000.archive.gz")))) {
            assertThat(in.readNBytes(4)).containsExactly(0x6d, 0xe2, 0x99, 0x81);
        }

        // retention: 2019 is past seven years, 11-20 01:00 is not the newest of its day
        assertThat(report.prunedLocal()).containsExactly("20190601-020000", "20261120-010000");
        assertThat(report.prunedRemote()).containsExactly("20190601-020000", "20261120-010000");
        assertThat(new LocalBackups(backups).list()).containsExactly("20251231-020000", "20261120-020000", "20261203-020000");
        try (S3Client s3 = client()) {
            List<String> keys = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("prod/")).contents().stream()
                    .map(o -> o.key()).sorted().toList();
            assertThat(keys).containsExactly("prod/20251231-020000/manifest.json", "prod/20261120-020000/manifest.json",
                    "prod/20261203-020000/config-20261203-020000.tar.gz", "prod/20261203-020000/manifest.json",
                    "prod/20261203-020000/mongodb-20261203-020000.archive.gz");
            byte[] uploaded = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("prod/20261203-020000/mongodb-20261203-020000.archive.gz"))
                    .asByteArray();
            assertThat(uploaded).isEqualTo(Files.readAllBytes(folder.resolve("mongodb-20261203-020000.archive.gz")));
        }
        assertThat(report.uploadedTo()).isEqualTo("s3://bot-core-backups/prod/20261203-020000/");
        // what restore --from s3:NAME does: list, then download the backup's files
        try (S3Backups s3 = new S3Backups(settings)) {
            assertThat(s3.list()).containsExactly("20251231-020000", "20261120-020000", "20261203-020000");
            Path downloaded = home.resolve("downloaded");
            s3.download("20261203-020000", downloaded);
            assertThat(BackupManifest.read(downloaded.resolve(BackupManifest.FILE)).checkFiles(downloaded)).isEmpty();
            assertThat(Files.readAllBytes(downloaded.resolve("config-20261203-020000.tar.gz")))
                    .isEqualTo(Files.readAllBytes(folder.resolve("config-20261203-020000.tar.gz")));
        }
        assertThat(Files.readString(backups.resolve("backup.log"))).startsWith(
                "2026-12-03T02:00:00Z Backup completed: 20261203-020000 collections=2 documents=122 bytes=");
    }

    @Test
    void shouldLogAndRecordAFailedUpload() throws Exception {
        writeConfig();
        Path backups = home.resolve("backups");
        BackupSettings settings = new BackupSettings(backups.toString(), Duration.ofHours(1), "no-such-bucket", "",
                s3mock.endpoint(), "us-east-1");
        try (EmbeddedDatabase server = EmbeddedDatabase.start("127.0.0.1", 0, home.resolve("db"));
                MongoClient client = MongoArchiveTest.client(server)) {
            MongoDatabase db = client.getDatabase("bot_core");
            seed(db);
            BackupJob job = new BackupJob(home, settings, RetentionPolicy.STANDARD, Clock.fixed(NOW, ZoneOffset.UTC), "t");
            assertThatThrownBy(() -> job.run(db)).hasMessageContaining("bucket");
            BackupStatus status = BackupStatus.read(db).orElseThrow();
            assertThat(status.lastFailure()).isEqualTo(NOW);
            assertThat(status.lastSuccess()).isNull();
        }
        assertThat(Files.readString(backups.resolve("backup.log"))).startsWith(
                "2026-12-03T02:00:00Z Backup FAILED: 20261203-020000 ");
    }

    private void writeConfig() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve(".env"), "JWT_SECRET=" + "k".repeat(43) + "\n");
        Files.setPosixFilePermissions(home.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(home.resolve("config/config.toml"), "[server]\nport = 8080\n");
        Files.writeString(home.resolve("config/config.yaml"), "server:\n  port: 8000\n");
    }

    private static void seed(MongoDatabase db) {
        List<Document> orders = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            orders.add(new Document("_id", "o" + i).append("client_order_id", "c" + i));
        }
        db.getCollection("orders").insertMany(orders);
        db.getCollection("orders").createIndex(Indexes.ascending("client_order_id"), new IndexOptions().unique(true));
        db.getCollection("users").insertMany(List.of(new Document("_id", "u1"), new Document("_id", "u2")));
    }

    private static S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(s3mock.endpoint()).forcePathStyle(true)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build();
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
