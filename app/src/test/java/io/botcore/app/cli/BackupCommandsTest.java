package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.botcore.app.db.EmbeddedDatabase;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandsTest {

    @TempDir
    Path home;

    EmbeddedDatabase server;
    MongoClient client;
    MongoDatabase db;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedDatabase.start("127.0.0.1", 0, home.resolve("data/db"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve(".env"), "DATABASE_URL=mongodb://127.0.0.1:" + server.port() + "/bot_core\n");
        client = MongoClients.create(DatabaseSettings.of("mongodb://127.0.0.1:" + server.port() + "/bot_core"),
                new SimpleMeterRegistry());
        db = client.getDatabase("bot_core");
        db.getCollection("users").insertMany(List.of(new Document("_id", "u1").append("email", "a@x.io"),
                new Document("_id", "u2").append("email", "b@x.io")));
        db.getCollection("trades").insertOne(new Document("_id", "t1").append("qty", "0.5"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldBackUpVerifyAndRestoreWithDrop() throws Exception {
        CliRun backup = CliRun.run(home, "backup");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("3 documents");

        CliRun verify = CliRun.run(home, "verify-backup");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("verified: 2 collections, 3 documents");
        assertThat(client.listDatabaseNames().into(new ArrayList<>())).noneMatch(n -> n.contains("_verify_"));

        db.getCollection("trades").insertOne(new Document("_id", "t2"));
        db.getCollection("users").deleteOne(new Document("_id", "u2"));
        CliRun restore = CliRun.run(home, "restore", "--from", "latest", "--drop");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(db.getCollection("trades").find().into(new ArrayList<>()))
                .containsExactly(new Document("_id", "t1").append("qty", "0.5"));
        assertThat(db.getCollection("users").countDocuments()).isEqualTo(2);
    }

    @Test
    void shouldFailVerificationOnADifferenceOrADamagedFile() throws Exception {
        assertThat(CliRun.run(home, "backup").exitCode()).isZero();
        Path folder;
        try (var list = Files.list(home.resolve("backups"))) {
            folder = list.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path manifest = folder.resolve("manifest.json");
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replaceFirst("\"documents\" : 2", "\"documents\" : 3"));
        CliRun differs = CliRun.run(home, "verify-backup");
        assertThat(differs.exitCode()).isEqualTo(1);
        assertThat(differs.out()).contains("DIFFERENCE users: 2 documents, the backup has 3");

        Files.writeString(manifest, original);
        Path archive = folder.resolve("mongodb-" + folder.getFileName() + ".archive.gz");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(archive, bytes);
        CliRun damaged = CliRun.run(home, "verify-backup");
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(damaged.err()).contains("is damaged: mongodb-" + folder.getFileName() + ".archive.gz: SHA-256");

        CliRun unknown = CliRun.run(home, "restore", "--from", "no-such-backup");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--from no-such-backup", "is not a backup folder");
    }

    @Test
    void shouldRehearseScenarioTwoAndMeasureRtoAndRpo() throws Exception {
        assertThat(CliRun.run(home, "backup").exitCode()).isZero();
        db.getCollection("trades").insertOne(new Document("_id", "t-after-backup"));

        CliRun drill = CliRun.run(home, "dr-drill");

        assertThat(drill.exitCode()).as(drill.out() + drill.err()).isZero();
        assertThat(drill.out()).contains("1. stop the engine", "2. keep the corrupted copy", "3. restore backup",
                "4. start the engine", "5. verify", "dr-drill passed").containsPattern("RTO \\d+\\.\\d s \\(target 10m00s\\)");
        // the live database is untouched by the drill
        assertThat(db.getCollection("trades").countDocuments()).isEqualTo(2);
        assertThat(db.getCollection("users").countDocuments()).isEqualTo(2);

        CliRun strict = CliRun.run(home, "dr-drill", "--rto-target", "1s");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("FAIL RTO", "exceeds the target 1s");
    }
}
