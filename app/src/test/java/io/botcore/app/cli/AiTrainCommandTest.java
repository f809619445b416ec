package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiTrainCommandTest {

    @TempDir
    Path home;

    private MongoServer mongo;

    @BeforeEach
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        Files.writeString(home.resolve(".env"), "DATABASE_URL=mongodb://127.0.0.1:" + mongo.bind().getPort() + "/bot_core\n");
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        assertThat(CliRun.run(home, "import-data", root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz")
                .toString(), "--symbol", "BTCUSDT", "--interval", "1h").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        mongo.shutdownNow();
    }

    @Test
    void shouldTrainOnRealCandlesRegisterTheModelsAndWriteTheReport() {
        CliRun run = CliRun.run(home, "ai", "train", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2023-01-01", "--to", "2024-07-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("registered v0001").contains("registered v0002").containsPattern("report: .*report.md");
        Path report = Path.of(run.out().lines().filter(l -> l.startsWith("report: ")).findFirst().orElseThrow()
                .substring("report: ".length()));
        assertThat(report).exists();
        assertThat(home.resolve("data/models/v0001/metadata.json")).exists();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort())) {
            assertThat(client.getDatabase("bot_core").getCollection("training_runs")
                    .countDocuments(Filters.eq("result", "success"))).isEqualTo(1);
        }

        CliRun promoted = CliRun.run(home, "ai", "models", "promote", "v0002");
        CliRun listed = CliRun.run(home, "ai", "models");
        CliRun rolledBack = CliRun.run(home, "ai", "models", "rollback");
        CliRun unknown = CliRun.run(home, "ai", "models", "promote", "v0009");

        assertThat(promoted.out()).contains("active model: v0002");
        assertThat(listed.out()).containsPattern("\\* v0002 xgboost +BTCUSDT 1h");
        assertThat(rolledBack.exitCode()).isEqualTo(2);
        assertThat(rolledBack.err()).contains("nothing to roll back to: v0002 is the first");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no model version 'v0009'");
    }

    @Test
    void shouldRefuseTooFewCandlesWithTheNumberNeeded() {
        CliRun run = CliRun.run(home, "ai", "train", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2024-01-01", "--to", "2024-03-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs at least 11,005");
    }
}
