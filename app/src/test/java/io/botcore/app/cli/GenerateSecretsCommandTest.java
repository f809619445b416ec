package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.platform.config.EnvFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateSecretsCommandTest {

    @TempDir
    Path home;

    @Test
    void shouldWriteA512BitKeyWithOwnerOnlyMode() throws IOException {
        CliRun run = CliRun.run(home, "generate-secrets");

        Path env = home.resolve(".env");
        String secret = EnvFile.read(env).values().get("JWT_SECRET");
        assertThat(run.exitCode()).isZero();
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(run.out()).doesNotContain(secret);
    }

    @Test
    void shouldRotateTheSecretKeepOtherSettingsAndBackUpThePreviousFile() throws IOException {
        Path env = home.resolve(".env");
        Files.writeString(env, "# ops\nDATABASE_URL=mongodb://db:27017/bot_core\nJWT_SECRET=old-secret\n");

        CliRun run = CliRun.run(home, "generate-secrets");

        List<String> lines = Files.readAllLines(env);
        assertThat(run.exitCode()).isZero();
        assertThat(lines).startsWith("# ops", "DATABASE_URL=mongodb://db:27017/bot_core").hasSize(3);
        assertThat(lines.get(2)).startsWith("JWT_SECRET=").isNotEqualTo("JWT_SECRET=old-secret");
        try (var backups = Files.list(home)) {
            Path backup = backups.filter(p -> p.getFileName().toString().startsWith(".env.backup-")).findFirst().orElseThrow();
            assertThat(Files.readString(backup)).contains("JWT_SECRET=old-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        }
    }
}
