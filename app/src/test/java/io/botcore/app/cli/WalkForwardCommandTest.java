package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WalkForwardCommandTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void importRecorded() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        Path file = root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz");
        assertThat(CliRun.run(home, "import-data", file.toString(), "--symbol", "BTCUSDT", "--interval", "1h").exitCode())
                .isZero();
    }

    @Test
    void shouldReportEachWindowInAndOutOfSampleAndWriteTheSameBytesTwice() throws IOException {
        String[] args = {"walk-forward", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
            "--from", "2023-01-01", "--to", "2023-09-01", "--grid", "period=7|14,oversold=25|30",
            "--train", "90d", "--test", "30d"};

        CliRun first = CliRun.run(home, concat(args, "--out", home.resolve("a.json").toString(), "--threads", "2"));
        CliRun second = CliRun.run(home, concat(args, "--out", home.resolve("b.json").toString(), "--threads", "1"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(home.resolve("b.json"))).isEqualTo(Files.readAllBytes(home.resolve("a.json")));
        assertThat(first.out()).contains("5 windows (train 90d, test 30d), 4 trials each").contains("in sample")
                .contains("out of sample").contains("Monte Carlo max drawdown (1000 reshuffles").contains("trials run: 20");
        JsonNode json = JsonMapper.builder().build().readTree(home.resolve("a.json").toFile());
        assertThat(json.path("trials").asInt()).isEqualTo(20);
        assertThat(json.path("windows").size()).isEqualTo(5);
        for (int i = 1; i < 5; i++) {
            assertThat(json.path("windows").get(i).path("test_from").asString())
                    .isEqualTo(json.path("windows").get(i - 1).path("test_to").asString());
        }
        assertThat(json.path("windows").get(0).path("test_from").asString()).isEqualTo("2023-04-01T00:00:00Z");
        assertThat(json.path("deflated_sharpe").path("trials").asInt()).isEqualTo(20);
        assertThat(json.path("monte_carlo_max_drawdown").path("runs").asInt()).isEqualTo(1000);
    }

    @Test
    void shouldEndBadInputWithAClearMessageAndExitCodeTwo() {
        assertBad(run("--grid", "period=7|14", "--train", "ninety"), "--train: expected a duration like 30m, 24h or 7d");
        assertBad(run("--grid", "period=7|14", "--to", "2023-09-01", "--train", "300d", "--test", "90d"), "less than one training window (300 days)");
        assertBad(run("--grid", "period=7..x"), "--grid: grid part 'period=7..x': to 'x' is not a number");
        assertBad(run("--grid", "period=7|14", "--to", "2022-01-01"), "--from must be before --to");
    }

    private CliRun run(String... extra) {
        String[] base = {"walk-forward", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
            "--from", "2023-01-01", "--out", home.resolve("x.json").toString()};
        return CliRun.run(home, concat(base, extra));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertBad(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
