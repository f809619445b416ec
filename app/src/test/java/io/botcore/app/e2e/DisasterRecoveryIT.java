package io.botcore.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual's Scenario 1 (complete server failure) end to end with the real launcher: a server with accounts
 * is backed up and dies; on an empty folder the repository is cloned, the configuration and the database are
 * restored from the backup, the services start and {@code ./bot-core status} passes with the accounts back.
 */
class DisasterRecoveryIT {

    @TempDir
    Path dir;

    @Test
    void scenarioOneRestoresANewServerFromTheBackup() throws Exception {
        int db = Shell.freePort();
        int ai = Shell.freePort();
        int engine = Shell.freePort();
        Path old = dir.resolve("old");
        Path fresh = dir.resolve("new");
        Files.createDirectories(old.resolve("config"));
        Files.createDirectories(fresh);
        for (String file : new String[] {"config.toml", "config.yaml"}) {
            Files.copy(Shell.ROOT.resolve("config").resolve(file), old.resolve("config").resolve(file));
        }
        Files.writeString(old.resolve(".env"), "DATABASE_URL=mongodb://127.0.0.1:" + db + "/bot_core\n"
                + "JWT_SECRET=disaster-recovery-it-secret-0123456789-abcdefghijklmnop\n");
        Files.setPosixFilePermissions(old.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = new HashMap<>();
        env.put("OLD", old.toString());
        env.put("NEW", fresh.toString());
        env.put("DB", String.valueOf(db));
        env.put("AI", String.valueOf(ai));
        env.put("ENGINE", String.valueOf(engine));
        String waitPort = "for i in $(seq 240); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.5; done; return 1";

        Shell.Result result = Shell.run(env, 600, String.join("\n",
                "set -u",
                "wait_port() { " + waitPort + "; }",
                "pids=()",
                "trap 'kill ${pids[@]} 2>/dev/null; wait' EXIT",
                "# the server that will fail: accounts, then a backup",
                "BOTCORE_HOME=$OLD ./bot-core db --port $DB > $OLD/db.out 2>&1 & old_db=$!",
                "wait_port $DB || { echo 'old db did not start'; exit 1; }",
                "echo 'Admin-password-123!' | BOTCORE_HOME=$OLD ./bot-core user add --email ops@example.com --role admin --password-stdin",
                "BOTCORE_HOME=$OLD ./bot-core backup || exit 1",
                "kill $old_db; wait $old_db",
                "# 3. clone the repository onto the new server",
                "git clone -q \"file://$PWD\" $NEW/bot-core || exit 1",
                "export BOTCORE_HOME=$NEW/bot-core",
                "# 4. restore the configuration (the backup folder stands in for the bucket download)",
                "mkdir -p $BOTCORE_HOME/backups && cp -r $OLD/backups/2* $BOTCORE_HOME/backups/",
                "latest=$(ls $BOTCORE_HOME/backups | grep '^2' | sort | tail -1)",
                "tar -xzf $BOTCORE_HOME/backups/$latest/config-$latest.tar.gz -C $BOTCORE_HOME || exit 1",
                "stat -c '%a .env' $BOTCORE_HOME/.env",
                "# 5. restore the database",
                "./bot-core db --port $DB > $BOTCORE_HOME/db.out 2>&1 & pids+=($!)",
                "wait_port $DB || { echo 'new db did not start'; exit 1; }",
                "./bot-core restore --from latest --drop || exit 1",
                "# 6. start the services",
                "./bot-core ai --port $AI > $BOTCORE_HOME/ai.out 2>&1 & pids+=($!)",
                "./bot-core engine --port $ENGINE --set ai.url=http://127.0.0.1:$AI > $BOTCORE_HOME/engine.out 2>&1 & pids+=($!)",
                "for i in $(seq 240); do curl -sf http://127.0.0.1:$ENGINE/api/health >/dev/null && "
                        + "curl -sf http://127.0.0.1:$AI/health >/dev/null && break; sleep 0.5; done",
                "# 7. verify health",
                "./bot-core status --set server.port=$ENGINE --set ai.url=http://127.0.0.1:$AI; echo \"status exit $?\"",
                "./bot-core user list"));

        assertThat(result.out()).contains("600 .env", "restored backup", "status exit 0", "ops@example.com");
        assertThat(result.exitCode()).as(result.out()).isZero();
    }
}
