package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateEnvCommandTest {

    @TempDir
    Path home;

    @Test
    void shouldListEveryProblemAtOnceAndExitOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/config.toml"), "[server]\nworkers = \"lots\"\n");
        Files.writeString(home.resolve("config/config.yaml"), "cache:\n  backend: memcached\n");
        Files.writeString(home.resolve(".env"), "DATABASE_URL=mongodb://127.0.0.1:" + closedPort + "/bot_core\n");
        Files.setPosixFilePermissions(home.resolve(".env"), PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = CliRun.run(home, "validate-env");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("5 problems:")
                .contains("config.toml: server.workers = \"lots\": expected an integer from 1 to 1024")
                .contains("config.yaml: cache.backend = \"memcached\": expected one of auto, memory, redis")
                .contains(".env has mode rw-r--r--, expected rw------- (chmod 600")
                .contains("JWT_SECRET is not set")
                .contains("database mongodb://127.0.0.1:" + closedPort + "/bot_core does not answer within 3 s");
    }

    @Test
    void shouldPassAFreshlyGeneratedEnvironmentWithARunningDatabase() throws IOException {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        try {
            assertThat(CliRun.run(home, "generate-secrets").exitCode()).isZero();
            Files.writeString(home.resolve(".env"), Files.readString(home.resolve(".env"))
                    + "DATABASE_URL=mongodb://127.0.0.1:" + port + "/bot_core\n");

            CliRun run = CliRun.run(home, "validate-env");

            assertThat(run.out()).contains("environment OK").contains("JWT_SECRET set (86 characters");
            assertThat(run.exitCode()).isZero();
        } finally {
            mongo.shutdownNow();
        }
    }
}
