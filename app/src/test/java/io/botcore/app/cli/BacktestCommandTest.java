package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BacktestCommandTest {

    @TempDir
    Path home;

    private Path file;

    @BeforeEach
    void importRecorded() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        file = root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz");
        assertThat(CliRun.run(home, "import-data", file.toString(), "--symbol", "BTCUSDT", "--interval", "1h").exitCode())
                .isZero();
    }

    @Test
    void shouldReportTheStrategyBesideBuyAndHoldAndRepeatItselfExactly() throws IOException {
        String[] args = {"backtest", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
            "--from", "2024-01-01", "--to", "2025-01-01", "--json"};

        CliRun first = CliRun.run(home, args);
        CliRun second = CliRun.run(home, args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        JsonNode json = JsonMapper.builder().build().readTree(first.out());
        CandleSeries year = CandleCsvReader.read(file, Interval.H1).between(
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
        assertThat(json.path("candles").asInt()).isEqualTo(year.size());
        assertThat(json.path("buy_and_hold").path("total_return").asDouble())
                .isCloseTo(year.close(year.size() - 1) / year.close(0) - 1, within(1e-12));
        assertThat(json.path("metrics").path("trades").asInt()).isPositive();
        assertThat(json.path("metrics").path("fees_paid").asString()).isNotEqualTo("0");
    }

    @Test
    void shouldPrintATable() {
        CliRun run = CliRun.run(home, "backtest", "--strategy", "macd", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2025-01-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("buy and hold").containsPattern("total return\\s+-?\\d+\\.\\d\\d %\\s+-?\\d+\\.\\d\\d %")
                .contains("max drawdown").contains("Sharpe").contains("profit factor").contains("fees paid");
    }

    @Test
    void shouldEndBadInputWithAClearMessageAndExitCodeTwo() {
        assertBad(CliRun.run(home, "backtest", "--strategy", "moon", "--symbol", "BTCUSDT", "--interval", "1h"),
                "unknown strategy 'moon'; known: ");
        assertBad(CliRun.run(home, "backtest", "--strategy", "rsi", "--param", "colour=blue", "--symbol", "BTCUSDT",
                "--interval", "1h"), "unknown parameter(s) [colour]");
        assertBad(CliRun.run(home, "backtest", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2025-01-01", "--to", "2024-01-01"), "--from must be before --to");
        assertBad(CliRun.run(home, "backtest", "--strategy", "rsi", "--symbol", "ETHUSDT", "--interval", "1h"),
                "no stored candles for ETHUSDT 1h");
        assertBad(CliRun.run(home, "backtest", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2030-01-01", "--to", "2030-02-01"), "only 0 stored candles");
    }

    private static void assertBad(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
