package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PortfolioBacktestCommandTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void importRecorded() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        for (String symbol : new String[] {"BTCUSDT", "ETHUSDT"}) {
            Path file = root.resolve("data/recorded/binance_" + symbol + "_1h_2020-09-20_2025-09-19.csv.gz");
            assertThat(CliRun.run(home, "import-data", file.toString(), "--symbol", symbol, "--interval", "1h").exitCode())
                    .isZero();
        }
    }

    @Test
    void shouldBacktestSeveralSymbolsAsOnePortfolioBesideEachBuyAndHold() {
        CliRun portfolio = run("BTCUSDT,ETHUSDT", "--json");
        CliRun btc = run("BTCUSDT", "--json");
        CliRun eth = run("ETHUSDT", "--json");
        CliRun table = run("BTCUSDT,ETHUSDT");

        assertThat(portfolio.exitCode()).as(portfolio.err()).isZero();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode json = mapper.readTree(portfolio.out());
        JsonNode btcJson = mapper.readTree(btc.out());
        JsonNode ethJson = mapper.readTree(eth.out());
        assertThat(json.path("symbols").toString()).isEqualTo("[\"BTCUSDT\",\"ETHUSDT\"]");
        assertThat(json.path("candles").path("BTCUSDT").asInt()).isEqualTo(btcJson.path("candles").asInt());
        assertThat(json.path("candles").path("ETHUSDT").asInt()).isEqualTo(ethJson.path("candles").asInt());
        assertThat(json.path("buy_and_hold").path("BTCUSDT")).isEqualTo(btcJson.path("buy_and_hold"));
        assertThat(json.path("buy_and_hold").path("ETHUSDT")).isEqualTo(ethJson.path("buy_and_hold"));
        assertThat(json.path("metrics").path("trades").asInt()).isGreaterThan(btcJson.path("metrics").path("trades").asInt());
        assertThat(table.out()).contains("as one portfolio").contains("hold BTCUSDT").contains("hold ETHUSDT");
        assertThat(run("BTCUSDT,BTCUSDT").err()).contains("--symbol: BTCUSDT appears twice");
        assertThat(run("BTCUSDT,SOLUSDT").err()).contains("no stored candles for SOLUSDT 1h");
    }

    private CliRun run(String symbols, String... extra) {
        String[] args = {"backtest", "--strategy", "rsi", "--symbol", symbols, "--interval", "1h", "--from", "2024-01-01",
            "--to", "2024-07-01"};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliRun.run(home, all);
    }
}
