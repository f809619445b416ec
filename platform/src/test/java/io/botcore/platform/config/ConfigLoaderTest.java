package io.botcore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final Setting<Integer> WORKERS = Setting.of("server.workers", 8, ValueParser.intRange(1, 1024), "workers");
    static final Setting<Duration> KEEP_ALIVE = Setting.of("server.keep_alive", Duration.ofSeconds(60),
            ValueParser.seconds(1, 3600), "keep alive");
    static final Setting<Long> MAX_SIZE = Setting.of("cache.max_size", 1L << 30, ValueParser.byteSize(1, 1L << 40), "size");
    static final Setting<String> SECRET = Setting.of("security.jwt_secret", null, ValueParser.text(43), "key")
            .withEnv("JWT_SECRET").asSecret();
    static final List<Setting<?>> ALL = List.of(WORKERS, KEEP_ALIVE, MAX_SIZE, SECRET);

    @TempDir
    Path dir;

    @Test
    void shouldApplyDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        Path toml = write("config.toml", "[server]\nworkers = 4\nkeep_alive = 30\n[cache]\nmax_size = \"512MB\"\n");

        LoadedConfig fileOnly = ConfigLoader.load(toml, ALL, Map.of(), Map.of());
        assertThat(fileOnly.get(WORKERS)).isEqualTo(4);
        assertThat(fileOnly.get(KEEP_ALIVE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(fileOnly.get(MAX_SIZE)).isEqualTo(512L << 20);
        assertThat(fileOnly.get(SECRET)).isNull();

        LoadedConfig withEnv = ConfigLoader.load(toml, ALL, Map.of("BOTCORE_SERVER_WORKERS", "6"), Map.of());
        assertThat(withEnv.get(WORKERS)).isEqualTo(6);
        assertThat(withEnv.origin(WORKERS)).isEqualTo("env BOTCORE_SERVER_WORKERS");

        LoadedConfig withFlag = ConfigLoader.load(toml, ALL, Map.of("BOTCORE_SERVER_WORKERS", "6"),
                Map.of("server.workers", "2"));
        assertThat(withFlag.get(WORKERS)).isEqualTo(2);
        assertThat(withFlag.get(KEEP_ALIVE)).isEqualTo(Duration.ofSeconds(30));

        LoadedConfig noFile = ConfigLoader.load(dir.resolve("absent.toml"), ALL, Map.of(), Map.of());
        assertThat(noFile.get(WORKERS)).isEqualTo(8);
        assertThat(noFile.origin(WORKERS)).isEqualTo("default");
    }

    @Test
    void shouldWarnAboutUnknownKeysNamingFileAndKey() throws IOException {
        Path toml = write("config.toml", "[server]\nwrokers = 4\n");

        LoadedConfig config = ConfigLoader.load(toml, ALL, Map.of(), Map.of());

        assertThat(config.warnings()).containsExactly(toml + ": unknown key 'server.wrokers' (ignored)");
        assertThat(config.get(WORKERS)).isEqualTo(8);
    }

    @Test
    void shouldReportEveryBadValueWithSourceKeyValueAndExpectation() throws IOException {
        Path toml = write("config.toml", "[server]\nworkers = \"many\"\nkeep_alive = -5\n[cache]\nmax_size = \"1TBX\"\n");

        assertThatThrownBy(() -> ConfigLoader.load(toml, ALL, Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        toml + ": server.workers = \"many\": expected an integer from 1 to 1024",
                        toml + ": server.keep_alive = -5: expected a number of seconds from 1 to 3600",
                        toml + ": cache.max_size = \"1TBX\": expected a size such as \"1GB\", \"512MB\" or \"64KB\" "
                                + "between 1 and 1099511627776 bytes"));
    }

    @Test
    void shouldNeverShowASecretValueInAnError() {
        String tooShort = "short-but-secret";

        assertThatThrownBy(() -> ConfigLoader.load(null, ALL, Map.of("JWT_SECRET", tooShort), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(tooShort);
                    assertThat(e.problems()).containsExactly("env JWT_SECRET: security.jwt_secret = (secret, 16 "
                            + "characters): expected a string of at least 43 characters");
                });
    }

    @Test
    void shouldReportAnUnparsableFileWithItsLine() throws IOException {
        Path toml = write("config.toml", "[server]\nworkers = = 4\n");

        assertThatThrownBy(() -> ConfigLoader.load(toml, ALL, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(toml + ": cannot parse:")
                .hasMessageContaining("line 2");
    }

    @Test
    void shouldReadYamlWithTheSameRules() throws IOException {
        Path yaml = write("config.yaml", "server:\n  workers: 3\n  worker_class: uvicorn\n");

        LoadedConfig config = ConfigLoader.load(yaml, ALL, Map.of(), Map.of());

        assertThat(config.get(WORKERS)).isEqualTo(3);
        assertThat(config.warnings()).containsExactly(yaml + ": unknown key 'server.worker_class' (ignored)");
    }

    @Test
    void shouldRejectAFlagForAnUnknownSetting() {
        assertThatThrownBy(() -> ConfigLoader.load(null, ALL, Map.of(), Map.of("server.wrokers", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("flag: unknown setting 'server.wrokers'");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
