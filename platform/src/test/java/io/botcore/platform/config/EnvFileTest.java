package io.botcore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldParseQuotesCommentsAndExport() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "# comment\nA=1\nexport B=\"two words\"\nC='x#y'\nD=plain # trailing\n\nnot a pair\n");

        assertThat(EnvFile.read(env).values())
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", "x#y"),
                        Map.entry("D", "plain"));
    }

    @Test
    void shouldReplaceInPlaceKeepOtherLinesAndWriteOwnerOnlyWithBackup() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "# settings\nDATABASE_URL=mongodb://db/bot_core\nJWT_SECRET=old\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        Path backup = dir.resolve(".env.backup");

        EnvFile.read(env).with(Map.of("JWT_SECRET", "new", "OTHER", "x")).write(env, backup);

        assertThat(Files.readAllLines(env))
                .containsExactly("# settings", "DATABASE_URL=mongodb://db/bot_core", "JWT_SECRET=new", "OTHER=x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(Files.readString(backup)).contains("JWT_SECRET=old");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
    }

    @Test
    void shouldReadAMissingFileAsEmpty() {
        assertThat(EnvFile.read(dir.resolve("absent")).values()).isEmpty();
    }
}
