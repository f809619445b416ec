package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.exchange.fake.FakeBinanceServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataCommandsTest {

    private static final Path RECORDED = findRecorded();

    @TempDir
    Path home;

    @Test
    void shouldImportTheRecordedFileAndReportItsGaps() throws IOException {
        Path eth = RECORDED.resolve("binance_ETHUSDT_1h_2020-09-20_2025-09-19.csv.gz");

        CliRun run = CliRun.run(home, "import-data", eth.toString(), "--symbol", "ETHUSDT", "--interval", "1h");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 43,803 candles")
                .contains("ETHUSDT 1h: 43,803 candles stored, 2020-09-20T00:00:00Z .. 2025-09-19T22:00:00Z, "
                        + "10 gaps (20 missing candles, left as they are)");
        assertThat(new CandleStore(home.resolve("data/market")).readAll("binance", "ETHUSDT", Interval.H1).series())
                .isEqualTo(CandleCsvReader.read(eth, Interval.H1));
    }

    @Test
    void shouldDownloadFromTheConfiguredExchangeAndResume() throws IOException {
        try (FakeBinanceServer fake = FakeBinanceServer.start(0, Clock.systemUTC())) {
            fake.serveKlines("BTCUSDT", CandleCsvReader.read(
                    RECORDED.resolve("binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"), Interval.H1));
            Files.writeString(home.resolve(".env"), "BINANCE_BASE_URL=" + fake.baseUrl() + "\n");

            CliRun first = CliRun.run(home, "download-data", "--symbol", "btcusdt", "--interval", "1h",
                    "--from", "2024-01-01", "--to", "2024-01-03");
            CliRun second = CliRun.run(home, "download-data", "--symbol", "BTCUSDT", "--interval", "1h",
                    "--from", "2024-01-01", "--to", "2024-01-04");

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("BTCUSDT 1h: 48 new candles in 1 requests (from 2024-01-01T00:00:00Z");
            assertThat(second.out()).contains("BTCUSDT 1h: 24 new candles in 1 requests (from 2024-01-03T00:00:00Z")
                    .contains("BTCUSDT 1h: 72 candles stored, 2024-01-01T00:00:00Z .. 2024-01-03T23:00:00Z, 0 gaps");
            assertThat(first.err()).contains("100%");
        }
    }

    @Test
    void shouldSayWhatBinanceAnsweredForASymbolItDoesNotList() throws IOException {
        try (FakeBinanceServer fake = FakeBinanceServer.start(0, Clock.systemUTC())) {
            Files.writeString(home.resolve(".env"), "BINANCE_BASE_URL=" + fake.baseUrl() + "\n");

            CliRun run = CliRun.run(home, "download-data", "--symbol", "NOPEUSDT", "--interval", "1h",
                    "--from", "2024-01-01", "--to", "2024-01-02");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Binance refused GET /api/v3/klines: HTTP 400, code -1121: Invalid symbol.")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void shouldEndBadInputWithAClearMessageAndExitCodeTwo() {
        assertBad(CliRun.run(home, "download-data", "--symbol", "BTCUSDT", "--interval", "2x", "--from", "2024-01-01"),
                "--interval:");
        assertBad(CliRun.run(home, "download-data", "--symbol", "BTCUSDT", "--interval", "1h", "--from", "2024-02-01",
                "--to", "2024-01-01"), "--from must be before --to");
        assertBad(CliRun.run(home, "download-data", "--symbol", "BTCUSDT", "--interval", "1h", "--from", "yesterday"),
                "--from: expected a date like 2024-01-01");
        assertBad(CliRun.run(home, "download-data", "--symbol", "BTC/USDT", "--interval", "1h", "--from", "2024-01-01"),
                "--symbol: must be 2 to 20 letters or digits");
        assertBad(CliRun.run(home, "import-data", home.resolve("missing.csv").toString(), "--symbol", "BTCUSDT",
                "--interval", "1h"), "is not a readable file");
        assertBad(CliRun.run(home, "download-data", "--symbol", "BTCUSDT", "--interval", "1h"),
                "Missing required option: '--from=<from>'");
    }

    @Test
    void shouldRefuseAFileWithBrokenRowsNamingTheLine() throws IOException {
        Path bad = home.resolve("bad.csv");
        Files.writeString(bad, "open_time_ms,open,high,low,close,volume\n"
                + Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() + ",1,2,0.5,1.5,10\n"
                + Instant.parse("2024-01-01T01:00:00Z").toEpochMilli() + ",1,abc,0.5,1.5,10\n");

        CliRun run = CliRun.run(home, "import-data", bad.toString(), "--symbol", "BTCUSDT", "--interval", "1h");

        assertBad(run, "line 3");
    }

    private static void assertBad(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    private static Path findRecorded() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        return root.resolve("data/recorded");
    }
}
