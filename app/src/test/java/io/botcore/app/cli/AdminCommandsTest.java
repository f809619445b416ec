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

class AdminCommandsTest {

    @TempDir
    Path home;

    private MongoServer mongo;

    @BeforeEach
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        Files.writeString(home.resolve(".env"), "DATABASE_URL=mongodb://127.0.0.1:" + port + "/bot_core\n"
                + "JWT_SECRET=admin-commands-test-secret-0123456789-abcdefghijk\n");
    }

    @AfterEach
    void stop() {
        mongo.shutdownNow();
    }

    @Test
    void shouldBlockListAndUnblockAddressesAndAuditEachChange() {
        CliRun blocked = CliRun.run(home, "security", "block-ip", "203.0.113.0/24", "--reason", "port scan");
        assertThat(blocked.exitCode()).as(blocked.err()).isZero();
        assertThat(CliRun.run(home, "security", "list").out()).containsPattern("203.0.113.0/24\\s+\\S+\\s+cli\\s+port scan");

        assertThat(CliRun.run(home, "security", "unblock-ip", "203.0.113.0/24").exitCode()).isZero();
        CliRun again = CliRun.run(home, "security", "unblock-ip", "203.0.113.0/24");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("203.0.113.0/24 is not blocked");

        CliRun bad = CliRun.run(home, "security", "block-ip", "evil.example.com");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("ADDR: must be an IPv4/IPv6 address or CIDR range");

        CliRun audit = CliRun.run(home, "audit", "--since", "1h");
        assertThat(audit.out()).containsPattern("ip.blocked\\s+cli\\s+local\\s+\\{range=203.0.113.0/24, reason=port scan\\}")
                .containsPattern("ip.unblocked\\s+cli");
    }

    @Test
    void shouldStoreTheLogLevelForEveryEngineAndRefuseUnknownLevels() {
        CliRun bad = CliRun.run(home, "log-level", "verbose");
        CliRun ok = CliRun.run(home, "log-level", "DEBUG");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("LEVEL: must be one of trace, debug, info, warn, error");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("log level debug stored");
        assertThat(CliRun.run(home, "audit", "--type", "log_level.changed").out()).contains("{to=debug}");
        assertThat(CliRun.run(home, "audit", "--since", "forever").exitCode()).isEqualTo(2);
    }
}
