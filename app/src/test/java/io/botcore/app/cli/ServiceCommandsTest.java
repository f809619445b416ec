package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandsTest {

    @TempDir
    Path home;

    @Test
    void shouldRefuseToStartTheEngineWithABadConfigNamingFileKeyValueAndExpectation() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Path toml = home.resolve("config/config.toml");
        Files.writeString(toml, "[server]\nmax_connections = 0\n[database]\npool_size = \"fifty\"\n[sever]\nport = 1\n");

        CliRun run = CliRun.run(home, "engine");

        assertThat(run.exitCode()).isEqualTo(ConfigErrors.EXIT_CONFIG);
        assertThat(run.err())
                .contains("warning: " + toml + ": unknown key 'sever.port' (ignored)")
                .contains("engine: refusing to start, the configuration has 2 problems:")
                .contains(toml + ": server.max_connections = 0: expected an integer from 1 to 100000")
                .contains(toml + ": database.pool_size = \"fifty\": expected an integer from 1 to 1000");
    }

    @Test
    void shouldRefuseToStartTheAiServiceWithABadConfig() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/config.yaml"), "server:\n  timeout: forever\n");

        CliRun run = CliRun.run(home, "ai");

        assertThat(run.exitCode()).isEqualTo(ConfigErrors.EXIT_CONFIG);
        assertThat(run.err()).contains("server.timeout = \"forever\": expected a number of seconds from 1 to 3600");
    }

    @Test
    void shouldRefuseARedisCacheWithoutRedisUrl() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/config.yaml"), "cache:\n  backend: redis\n");

        CliRun run = CliRun.run(home, "ai");

        assertThat(run.exitCode()).isEqualTo(ConfigErrors.EXIT_CONFIG);
        assertThat(run.err()).contains("cache.backend = \"redis\": expected REDIS_URL to be set");
    }

    @Test
    void shouldNameTheTakenPortAndExitNonZero() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            CliRun run = CliRun.run(home, "db", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(PortCheck.EXIT_PORT_IN_USE);
            assertThat(run.err()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 (needed by the embedded "
                    + "database) is already in use");
        }
    }

    @Test
    void shouldReportEveryServiceDownAndExitOneWhenNothingRuns() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Files.writeString(home.resolve(".env"), "DATABASE_URL=mongodb://127.0.0.1:" + closed + "/bot_core\n");

        CliRun run = CliRun.run(home, "status", "--set", "server.port=" + closed,
                "--set", "ai.url=http://127.0.0.1:" + closed);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList()).hasSize(4);
        assertThat(run.out()).containsPattern("engine\\s+down").containsPattern("ai\\s+down")
                .containsPattern("database\\s+down");
    }

    @Test
    void shouldListEverySubcommandInHelp() {
        CliRun run = CliRun.run(home, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo ", "engine ", "ai ", "db ", "status ", "validate-env ",
                "generate-secrets ", "test ");
    }
}
