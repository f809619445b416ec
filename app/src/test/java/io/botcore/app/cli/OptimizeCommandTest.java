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

class OptimizeCommandTest {

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
    void shouldRankEveryGridPointSaveThemAndMatchAPlainBacktestOfTheBest() throws IOException {
        Path out = home.resolve("grid.json");

        CliRun run = CliRun.run(home, "optimize", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2024-01-01", "--to", "2024-07-01", "--grid", "period=7..28:7,oversold=20..35:5",
                "--metric", "sharpe", "--top", "3", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("16 trials (full grid of 16), ranked by sharpe").contains("trials run: 16");
        assertThat(run.out().lines().filter(l -> l.matches("\\s+[123] .*"))).hasSize(3);
        assertThat(run.err()).contains("optimize [").contains("16/16 trials");
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.path("trials").asInt()).isEqualTo(16);
        assertThat(json.path("deflated_sharpe").path("trials").asInt()).isEqualTo(16);
        JsonNode ranked = json.path("ranked");
        assertThat(ranked.size()).isEqualTo(16);
        for (int i = 1; i < ranked.size(); i++) {
            double previous = number(ranked.get(i - 1).path("sharpe"));
            double next = number(ranked.get(i).path("sharpe"));
            assertThat(Double.isNaN(next) || previous >= next).as(previous + " before " + next).isTrue();
        }
        JsonNode best = ranked.get(0);
        CliRun backtest = CliRun.run(home, "backtest", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2024-01-01", "--to", "2024-07-01", "--param", "period=" + best.path("params").path("period").asString(),
                "--param", "oversold=" + best.path("params").path("oversold").asString(), "--json");
        JsonNode direct = JsonMapper.builder().build().readTree(backtest.out()).path("metrics");
        assertThat(best.path("metrics")).isEqualTo(direct);
    }

    @Test
    void shouldWriteTheSameBytesForTheSameCommandWhateverTheThreadCount() throws IOException {
        String[] base = {"optimize", "--strategy", "bollinger", "--symbol", "BTCUSDT", "--interval", "1h",
            "--from", "2024-01-01", "--to", "2024-04-01", "--grid", "period=10..60:5,k=1.5..3:0.25", "--random", "5"};

        CliRun one = CliRun.run(home, concat(base, "--threads", "1", "--out", home.resolve("a.json").toString()));
        CliRun two = CliRun.run(home, concat(base, "--threads", "2", "--out", home.resolve("b.json").toString()));

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(one.out()).contains("5 trials (5 drawn at random from 77 with seed 1)");
        assertThat(Files.readAllBytes(home.resolve("b.json"))).isEqualTo(Files.readAllBytes(home.resolve("a.json")));
        JsonNode json = JsonMapper.builder().build().readTree(home.resolve("a.json").toFile());
        assertThat(json.path("search").asString()).isEqualTo("random");
        assertThat(json.path("seed").asLong()).isEqualTo(1);
        assertThat(json.path("trials").asInt()).isEqualTo(5);
    }

    @Test
    void shouldEndBadInputWithAClearMessageAndExitCodeTwo() {
        assertBad(run("--strategy", "moon", "--grid", "period=7..28:7"), "unknown strategy 'moon'; known: ");
        assertBad(run("--strategy", "rsi", "--grid", "period=7..28:x"), "--grid: grid part 'period=7..28:x': step 'x' is not a number");
        assertBad(run("--strategy", "rsi", "--grid", "period"), "--grid: grid part 'period': expected name=from..to:step");
        assertBad(run("--strategy", "rsi", "--grid", "colour=1..3"), "unknown parameter(s) [colour]");
        assertBad(run("--strategy", "rsi", "--grid", "oversold=60..80:10"), "parameters {oversold=70}: need 0 < oversold");
        assertBad(run("--strategy", "rsi", "--grid", "period=7..28:7", "--metric", "luck"), "--metric: unknown metric 'luck'");
        assertBad(run("--strategy", "rsi", "--grid", "period=7..28:7", "--from", "2025-01-01", "--to", "2024-01-01"),
                "--from must be before --to");
        assertBad(CliRun.run(home, "optimize", "--strategy", "rsi", "--symbol", "ETHUSDT", "--interval", "1h",
                "--grid", "period=7..28:7"), "no stored candles for ETHUSDT 1h");
        assertBad(run("--strategy", "rsi", "--grid", "period=7..28:7", "--random", "0"), "--random: must be at least 1");
    }

    /** A JSON number, or NaN/Infinity, which JSON can only carry as a string. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asString());
    }

    private CliRun run(String... args) {
        return CliRun.run(home, concat(new String[] {"optimize", "--symbol", "BTCUSDT", "--interval", "1h",
            "--out", home.resolve("bad.json").toString()}, args));
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
