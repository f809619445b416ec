package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {

    @TempDir
    Path home;

    private MongoServer mongo;

    @BeforeEach
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        Files.writeString(home.resolve(".env"), "DATABASE_URL=mongodb://127.0.0.1:" + port + "/bot_core\n"
                + "JWT_SECRET=user-command-test-secret-0123456789-abcdefghijklmnop\n");
    }

    @AfterEach
    void stop() {
        mongo.shutdownNow();
    }

    @Test
    void shouldAddListAndDisableUsersFromTheHost() {
        CliRun added = CliRun.runWithInput(home, "a long enough secret\n", "user", "add", "--email", "Ops@Example.com",
                "--role", "admin", "--password-stdin");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).containsPattern("(?m)^added ops@example.com \\(admin\\), id [0-9a-f]{24}$");
        assertThat(CliRun.runWithInput(home, "another long secret\n", "user", "add", "--email", "ops@example.com",
                "--role", "viewer", "--password-stdin").exitCode()).as("duplicate email").isEqualTo(1);

        assertThat(CliRun.run(home, "user", "disable", "--email", "ops@example.com").exitCode()).isZero();
        CliRun list = CliRun.run(home, "user", "list");
        assertThat(list.out()).containsPattern("ops@example.com\\s+admin\\s+disabled");
    }

    @Test
    void shouldRefuseABadRoleAWeakPasswordAndABadEmail() {
        CliRun role = CliRun.runWithInput(home, "a long enough secret\n", "user", "add", "--email", "a@example.com",
                "--role", "root", "--password-stdin");
        CliRun weak = CliRun.runWithInput(home, "short\n", "user", "add", "--email", "a@example.com",
                "--role", "trader", "--password-stdin");
        CliRun email = CliRun.runWithInput(home, "a long enough secret\n", "user", "add", "--email", "not-an-email",
                "--role", "trader", "--password-stdin");

        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("--role: role must be one of admin, trader, viewer; got root");
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.err()).contains("password: must be at least 10 characters");
        assertThat(email.exitCode()).isEqualTo(2);
        assertThat(email.err()).contains("--email: must be an email address");
    }
}
