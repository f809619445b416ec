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
    void shouldWriteTheExchangeKeyOnceAndRotateItOnlyOnRequestKeepingThePreviousOne() throws IOException {
        Path env = home.resolve(".env");
        assertThat(CliRun.run(home, "generate-secrets").exitCode()).isZero();
        String first = EnvFile.read(env).values().get("EXCHANGE_KEY_ENCRYPTION_KEY");
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);

        assertThat(CliRun.run(home, "generate-secrets").exitCode()).isZero();
        assertThat(EnvFile.read(env).values().get("EXCHANGE_KEY_ENCRYPTION_KEY")).as("kept: it seals stored keys")
                .isEqualTo(first);
        assertThat(EnvFile.read(env).values()).doesNotContainKey("EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS");

        CliRun rotated = CliRun.run(home, "generate-secrets", "--rotate-exchange-key");
        assertThat(rotated.exitCode()).isZero();
        assertThat(EnvFile.read(env).values().get("EXCHANGE_KEY_ENCRYPTION_KEY")).isNotEqualTo(first);
        assertThat(EnvFile.read(env).values().get("EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS")).isEqualTo(first);
        assertThat(rotated.out()).contains("exchange key rotated").doesNotContain(first);
    }

    @Test
    void shouldRotateTheSecretKeepOtherSettingsAndBackUpThePreviousFile() throws IOException {
        Path env = home.resolve(".env");
        Files.writeString(env, "# ops\nDATABASE_URL=mongodb://db:27017/bot_core\nJWT_SECRET=old-secret\n");

        CliRun run = CliRun.run(home, "generate-secrets");

        List<String> lines = Files.readAllLines(env);
        assertThat(run.exitCode()).isZero();
        assertThat(lines).startsWith("# ops", "DATABASE_URL=mongodb://db:27017/bot_core").hasSize(4);
        assertThat(lines.get(2)).startsWith("JWT_SECRET=").isNotEqualTo("JWT_SECRET=old-secret");
        try (var backups = Files.list(home)) {
            Path backup = backups.filter(p -> p.getFileName().toString().startsWith(".env.backup-")).findFirst().orElseThrow();
            assertThat(Files.readString(backup)).contains("JWT_SECRET=old-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        }
    }
}
