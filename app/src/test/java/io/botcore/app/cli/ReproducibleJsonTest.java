package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command on the same data writes byte-identical JSON, also from two separate JVMs (in one JVM an
 * iteration order that changes per JVM start, like {@code Map.of}'s, would go unnoticed).
 */
class ReproducibleJsonTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void importRecorded() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        for (String symbol : new String[] {"BTCUSDT"}) {
            Path file = root.resolve("data/recorded/binance_" + symbol + "_1h_2020-09-20_2025-09-19.csv.gz");
            assertThat(CliRun.run(home, "import-data", file.toString(), "--symbol", symbol, "--interval", "1h").exitCode())
                    .isZero();
        }
    }

    @Test
    void shouldWriteTheSameBacktestOptimizeAndWalkForwardJsonFromTwoJvms() throws Exception {
        Path first = Files.createDirectories(home.resolve("first"));
        Path second = Files.createDirectories(home.resolve("second"));

        java(first);
        java(second);

        assertThat(Files.readString(first.resolve("backtest.json"))).contains("\"buy_and_hold\"");
        for (String file : new String[] {"backtest.json", "optimize.json", "walk-forward.json"}) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    /** Runs the three commands in one fresh JVM, writing their JSON into the folder {@code args[0]}. */
    public static final class ThreeCommands {

        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            int codes = io.botcore.app.BotCore.commandLine().execute("backtest", "--strategy", "rsi", "--symbol", "BTCUSDT",
                    "--interval", "1h", "--from", "2024-01-01", "--to", "2024-04-01", "--json");
            Files.write(dir.resolve("backtest.json"), out.toByteArray());
            codes += io.botcore.app.BotCore.commandLine().execute("optimize", "--strategy", "rsi", "--symbol", "BTCUSDT",
                    "--interval", "1h", "--from", "2024-01-01", "--to", "2024-04-01", "--grid", "period=7..28:7,oversold=25|30",
                    "--random", "3", "--out", dir.resolve("optimize.json").toString());
            codes += io.botcore.app.BotCore.commandLine().execute("walk-forward", "--strategy", "rsi", "--symbol", "BTCUSDT",
                    "--interval", "1h", "--from", "2023-01-01", "--to", "2023-07-01", "--grid", "period=7|14", "--train", "90d",
                    "--test", "30d", "--out", dir.resolve("walk-forward.json").toString());
            System.exit(codes);
        }
    }

    /** Runs {@link ThreeCommands} in a new JVM. */
    private static void java(Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "-Dbotcore.home=" + home, ThreeCommands.class.getName(),
                dir.toString()));
        Path log = dir.resolve("stderr.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(home.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }
}
