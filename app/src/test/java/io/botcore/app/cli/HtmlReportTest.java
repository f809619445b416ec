package io.botcore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses the HTML reports back and checks their numbers against the JSON of the same run. */
class HtmlReportTest {

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
    void shouldWriteABacktestReportWhoseNumbersAreTheResults() throws IOException {
        Path html = home.resolve("reports/rsi.html");

        CliRun run = CliRun.run(home, "backtest", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2024-01-01", "--to", "2025-01-01", "--json", "--report", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertSelfContained(text);
        Document doc = Jsoup.parse(text);
        assertThat(doc.title()).isEqualTo("Backtest: rsi on BTCUSDT 1h");
        JsonNode metrics = json.path("metrics");
        for (String key : new String[] {"total_return", "cagr", "max_drawdown", "sharpe", "sortino", "calmar", "win_rate",
            "profit_factor", "exposure"}) {
            assertThat(Double.parseDouble(value(doc, key, "td.strategy"))).as(key).isEqualTo(metrics.path(key).asDouble());
        }
        for (String key : new String[] {"final_equity", "fees_paid", "expectancy", "initial_equity"}) {
            assertThat(new BigDecimal(value(doc, key, "td.strategy"))).as(key)
                    .isEqualByComparingTo(metrics.path(key).asString());
        }
        assertThat(value(doc, "max_drawdown_duration", "td.strategy")).isEqualTo(metrics.path("max_drawdown_duration").asString());
        for (String key : new String[] {"total_return", "cagr", "max_drawdown", "sharpe"}) {
            assertThat(Double.parseDouble(value(doc, key, "td.hold"))).as("buy and hold " + key)
                    .isEqualTo(json.path("buy_and_hold").path(key).asDouble());
        }
        Elements trades = doc.select("#trades tr.trade");
        assertThat(trades).hasSize(metrics.path("trades").asInt());
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (Element trade : trades) {
            pnl = pnl.add(new BigDecimal(trade.selectFirst("td.pnl").attr("data-value")));
            fees = fees.add(new BigDecimal(trade.selectFirst("td.fees").attr("data-value")));
        }
        BigDecimal change = new BigDecimal(metrics.path("final_equity").asString()).subtract(new BigDecimal("10000"));
        assertThat(pnl).as("every trade closed, so their PnL is the change of equity").isEqualByComparingTo(change);
        assertThat(fees).isEqualByComparingTo(metrics.path("fees_paid").asString());
        assertThat(trades.get(0).selectFirst("td.reason").text()).startsWith("rsi < oversold");
        assertThat(text).contains("rsi &lt; oversold");
        assertThat(doc.select("svg polyline")).hasSize(2);
        assertThat(doc.select("svg polygon")).hasSize(1);
    }

    @Test
    void shouldWriteAWalkForwardReportWhoseNumbersAreTheResults() throws IOException {
        Path html = home.resolve("wf.html");
        Path out = home.resolve("wf.json");

        CliRun run = CliRun.run(home, "walk-forward", "--strategy", "rsi", "--symbol", "BTCUSDT", "--interval", "1h",
                "--from", "2023-01-01", "--to", "2023-09-01", "--grid", "period=7|14", "--train", "90d", "--test", "30d",
                "--out", out.toString(), "--report", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertSelfContained(text);
        Document doc = Jsoup.parse(text);
        JsonNode overall = json.path("overall").path("out_of_sample");
        assertThat(Double.parseDouble(value(doc, "total_return", "td.strategy"))).isEqualTo(overall.path("total_return").asDouble());
        assertThat(new BigDecimal(value(doc, "final_equity", "td.strategy")))
                .isEqualByComparingTo(overall.path("final_equity").asString());
        Elements windows = doc.select("#windows tr[data-window]");
        assertThat(windows).hasSize(json.path("windows").size());
        for (int i = 0; i < windows.size(); i++) {
            JsonNode w = json.path("windows").get(i);
            assertThat(Double.parseDouble(windows.get(i).selectFirst("td.out-of-sample-return").attr("data-value")))
                    .isEqualTo(w.path("out_of_sample").path("total_return").asDouble());
            assertThat(Double.parseDouble(windows.get(i).selectFirst("td.in-sample-return").attr("data-value")))
                    .isEqualTo(w.path("in_sample").path("total_return").asDouble());
        }
        assertThat(Double.parseDouble(value(doc, "mc_p95", "td.strategy")))
                .isEqualTo(json.path("monte_carlo_max_drawdown").path("p95").asDouble());
        assertThat(doc.select("#trades tr.trade")).hasSize(overall.path("trades").asInt());
    }

    private static String value(Document doc, String metric, String cell) {
        Element td = doc.selectFirst("tr[data-metric=" + metric + "] " + cell);
        assertThat(td).as(metric).isNotNull();
        return td.attr("data-value");
    }

    private static void assertSelfContained(String html) {
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("http:").doesNotContain("https:").doesNotContain("@import");
    }
}
