package io.botcore.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepDataAcrossACleanRestart() {
        try (EmbeddedDatabase db = EmbeddedDatabase.start("127.0.0.1", 0, dir)) {
            withCollection(db.port(), c -> c.insertOne(new Document("_id", "order-1").append("qty", "0.5")));
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start("127.0.0.1", 0, dir)) {
            withCollection(db.port(), c -> assertThat(c.find().into(new java.util.ArrayList<>()))
                    .containsExactly(new Document("_id", "order-1").append("qty", "0.5")));
        }
    }

    @Test
    void shouldLoseNoAcknowledgedWriteWhenKilledWithSigkill() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.botcore.app.BotCore", "db", "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("db.out").toFile())
                .directory(dir.toFile());
        builder.environment().put("BOTCORE_HOME", dir.toString());
        Process server = builder.start();
        try {
            int p = port;
            await().atMost(Duration.ofSeconds(30)).until(() -> accepts(p));
            withCollection(port, c -> {
                for (int i = 0; i < 50; i++) {
                    c.insertOne(new Document("_id", "order-" + i));
                }
            });
        } finally {
            server.destroyForcibly().waitFor();
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start("127.0.0.1", 0, dir.resolve("data/db"))) {
            withCollection(db.port(), c -> assertThat(c.countDocuments()).isEqualTo(50));
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void withCollection(int port, java.util.function.Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = MongoClients.create(DatabaseSettings.of("mongodb://127.0.0.1:" + port),
                new SimpleMeterRegistry())) {
            action.accept(client.getDatabase("bot_core").getCollection("orders"));
        }
    }

}
