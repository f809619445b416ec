package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;
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

    @Test
    void shouldEngageTheKillSwitchForEveryRunningBotAndReleaseIt() {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:"
                + mongo.getLocalAddress().getPort())) {
            MongoCollection<Document> bots = client.getDatabase("bot_core").getCollection("bots");
            bots.insertOne(new Document("_id", "runningbot").append("status", "running")
                    .append("stop_requested", false));
            bots.insertOne(new Document("_id", "stoppedbot").append("status", "stopped")
                    .append("stop_requested", false));

            CliRun noReason = CliRun.run(home, "kill-switch", "engage");
            CliRun engaged = CliRun.run(home, "kill-switch", "engage", "--reason", "exchange outage");

            assertThat(noReason.exitCode()).isEqualTo(2);
            assertThat(noReason.err()).contains("--reason: is required");
            assertThat(engaged.exitCode()).as(engaged.err()).isZero();
            assertThat(engaged.out()).contains("1 running bots asked to stop");
            assertThat(bots.find(new Document("_id", "runningbot")).first().getBoolean("stop_requested"))
                    .isTrue();
            assertThat(bots.find(new Document("_id", "stoppedbot")).first().getBoolean("stop_requested"))
                    .isFalse();
            assertThat(CliRun.run(home, "kill-switch", "status").out()).contains("engaged since").contains(
                    "exchange outage");
            assertThat(CliRun.run(home, "kill-switch", "release").exitCode()).isZero();
            assertThat(CliRun.run(home, "kill-switch", "status").out()).startsWith("released");
            assertThat(CliRun.run(home, "kill-switch", "explode").exitCode()).isEqualTo(2);
            assertThat(CliRun.run(home, "audit", "--type", "kill_switch.engaged").out()).contains("exchange outage");
        }
    }
}
