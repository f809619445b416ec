package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code security-check} on a planted installation (every problem found) and on a clean one (exit 0). */
class SecurityCheckCommandTest {

    @TempDir
    Path home;

    private MongoServer mongo;
    private MongoClient client;
    private MongoDatabase database;
    private String databaseUrl;
    private final Passwords passwords = new Passwords(10);

    @BeforeEach
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        databaseUrl = "mongodb://127.0.0.1:" + mongo.bind().getPort() + "/bot_core";
        client = MongoClients.create(databaseUrl);
        database = client.getDatabase("bot_core");
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void shouldFindEveryPlantedProblemAndExitOne() throws Exception {
        write(".env", "DATABASE_URL=" + databaseUrl + "\nJWT_SECRET=short-weak-key-123\nLOG_LEVEL=debug\n");
        Files.setPosixFilePermissions(home.resolve(".env"), PosixFilePermissions.fromString("rw-r--r--"));
        write("ops/keys/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\n");
        write("scripts/upload.sh", "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
        write("config/prod.toml", "[exchange]\napi_secret = \"Zx9Cv8Bn7Mm6Ll5Kk4Jj3Hh2Gg1Ff0Ee9Dd8Cc7Bb6\"\n");
        write("README.md", "Set JWT_SECRET=your-secret-here-change-me in .env\n");
        write("data/demo-credentials", "demo@bot-core.local / Dem0Passw0rdXYZ   (admin; POST /api/auth/login)\n");
        git("init", "-q");
        git("add", "-f", ".env", "ops", "scripts", "config", "README.md");
        UserStore users = new UserStore(database, Clock.systemUTC());
        users.create("demo@bot-core.local", passwords.hash("Dem0Passw0rdXYZ"), Role.ADMIN);
        users.create("root@example.com", passwords.hash("changeme123"), Role.ADMIN);
        users.create("trader@example.com", passwords.hash("changeme123"), Role.TRADER);
        database.getCollection("system_settings").insertOne(new Document("_id", "log_level").append("value", "debug"));

        CliRun run = CliRun.run(home, "security-check", "--skip-static-analysis");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        List<String> failures = run.out().lines().filter(l -> l.startsWith("FAIL")).toList();
        assertThat(failures).anyMatch(l -> l.contains(".env is tracked"))
                .anyMatch(l -> l.contains("ops/keys/id_rsa:1 holds a private key"))
                .anyMatch(l -> l.contains("scripts/upload.sh:2 holds an AWS access key id"))
                .anyMatch(l -> l.contains("config/prod.toml:2 assigns a random-looking value to api_secret"))
                .anyMatch(l -> l.startsWith("FAIL  .env permissions") && l.contains("rw-r--r--"))
                .anyMatch(l -> l.startsWith("FAIL  JWT key") && l.contains("fewer than 256"))
                .anyMatch(l -> l.startsWith("FAIL  log level") && l.contains("LOG_LEVEL=debug"))
                .anyMatch(l -> l.startsWith("FAIL  log level") && l.contains("set at runtime"))
                .anyMatch(l -> l.contains("demo@bot-core.local still uses the demo password"))
                .anyMatch(l -> l.contains("root@example.com still uses a default password"));
        assertThat(failures).as("a placeholder is no secret; a trader is not an admin").noneMatch(l -> l.contains("README"))
                .noneMatch(l -> l.contains("trader@example.com"));
        assertThat(run.out()).contains("security-check: " + failures.size() + " findings")
                .doesNotContain("Dem0Passw0rdXYZ").doesNotContain("Zx9Cv8Bn7Mm6");
    }

    @Test
    void shouldPassACleanInstallation() throws Exception {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        write(".env", "DATABASE_URL=" + databaseUrl + "\nJWT_SECRET="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\nLOG_LEVEL=info\n");
        Files.setPosixFilePermissions(home.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
        write(".gitignore", ".env\n.env.backup-*\ndata/\n");
        write("README.md", "Set JWT_SECRET=your-secret-here-change-me in .env\n");
        write("app/src/test/java/FixtureTest.java", "String SECRET = \"Zx9Cv8Bn7Mm6Ll5Kk4Jj3Hh2Gg1Ff0Ee9Dd8Cc7Bb6\";\n");
        git("init", "-q");
        git("add", "-A");
        new UserStore(database, Clock.systemUTC()).create("root@example.com",
                passwords.hash("a long and private passphrase"), Role.ADMIN);

        CliRun run = CliRun.run(home, "security-check", "--skip-static-analysis");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("OK    secrets in git: 3 tracked files scanned")
                .contains("OK    .env permissions").contains("OK    JWT key").contains("OK    log level")
                .contains("OK    admin passwords: 1 active admins").contains("SKIP  static analysis")
                .contains("security-check: no findings");
    }

    @Test
    void shouldTellRandomValuesFromWordsAndPlaceholders() {
        assertThat(SecurityCheckCommand.looksRandom("default_jwt_secret_change_in_production")).isFalse();
        assertThat(SecurityCheckCommand.looksRandom("your-secret-here-change-me")).isFalse();
        assertThat(SecurityCheckCommand.looksRandom("hNdwH3E8Jb6o0yW4xfcyR1lqFM8n6lS1E9Ux6l0x6yQ")).isTrue();
        assertThat(SecurityCheckCommand.looksRandom("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .as("hex").isTrue();
        assertThat(SecurityCheckCommand.strengthBits("hNdwH3E8Jb6o0yW4xfcyR1lqFM8n6lS1E9Ux6l0x6yQ")).isEqualTo(256);
        assertThat(SecurityCheckCommand.strengthBits("short-weak-key-123")).isLessThan(256);
    }

    @Test
    void shouldReportEachBugOfASpotBugsReportAtItsPrimaryLine() throws IOException {
        write("platform/target/spotbugsXml.xml", "<?xml version='1.0' encoding='utf-8'?><BugCollection version='4.9.8'>"
                + "<BugInstance category='SECURITY' priority='2' type='PREDICTABLE_RANDOM'><ShortMessage>Predictable "
                + "pseudorandom number generator</ShortMessage><Class classname='io.botcore.platform.planted.Planted' "
                + "primary='true'><SourceLine classname='io.botcore.platform.planted.Planted' start='4' end='14' "
                + "sourcepath='io/botcore/platform/planted/Planted.java'/></Class><Method name='token' primary='true'>"
                + "<SourceLine start='6' end='6' sourcepath='io/botcore/platform/planted/Planted.java'/></Method>"
                + "<SourceLine start='6' end='6' sourcepath='io/botcore/platform/planted/Planted.java' primary='true'/>"
                + "</BugInstance><BugInstance category='SECURITY' type='COMMAND_INJECTION'><ShortMessage>Potential "
                + "Command Injection</ShortMessage><Method name='run'><SourceLine start='10' "
                + "sourcepath='io/botcore/platform/planted/Planted.java'/></Method></BugInstance></BugCollection>");

        assertThat(SecurityCheckCommand.bugs(home.resolve("platform/target/spotbugsXml.xml"))).containsExactly(
                "PREDICTABLE_RANDOM at io/botcore/platform/planted/Planted.java:6 (Predictable pseudorandom number "
                        + "generator)",
                "COMMAND_INJECTION at io/botcore/platform/planted/Planted.java:10 (Potential Command Injection)");
    }

    private void write(String file, String text) throws IOException {
        Path path = home.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private void git(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = home.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
