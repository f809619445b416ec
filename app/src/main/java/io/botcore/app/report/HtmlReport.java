package io.botcore.app.report;

import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.BuyAndHold;
import io.botcore.core.backtest.EquityCurve;
import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.core.execution.Symbol;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.optimize.DeflatedSharpe;
import io.botcore.core.optimize.Metric;
import io.botcore.core.strategy.Reason;
import io.botcore.core.trading.Trade;
import io.botcore.core.walkforward.MonteCarloDrawdowns;
import io.botcore.core.walkforward.WalkForwardResult;
import io.botcore.core.walkforward.WindowResult;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes one self-contained HTML file for a backtest or a walk-forward: the metrics beside buy-and-hold, equity and
 * drawdown charts as inline SVG, and the trade list. No script, no stylesheet or font from elsewhere: it opens
 * offline and the same result gives the same bytes.
 *
 * <p>Every number a reader may want to check carries its exact value in a {@code data-value} attribute (doubles as
 * Java prints them, money as plain decimals) beside the rounded text shown.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1000px;\
            color:#1f2328;padding:0 12px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
            p.sub{color:#59636e;margin:0 0 16px}
            table{border-collapse:collapse;margin:4px 0 12px}
            th,td{padding:3px 10px;border-bottom:1px solid #d1d9e0;text-align:right;white-space:nowrap}
            th:first-child,td:first-child{text-align:left}
            td.text{text-align:left;white-space:normal}
            thead th{background:#f6f8fa}
            figure{margin:12px 0}figcaption{font-weight:600;margin-bottom:4px}
            svg{width:100%;height:auto;background:#fff;border:1px solid #d1d9e0}
            svg text{font-size:11px;fill:#59636e}svg line.grid{stroke:#eaeef2}
            .neg{color:#cf222e}.pos{color:#1a7f37}.scroll{overflow-x:auto}
            """;

    private final Document document;
    private final Element body;

    private HtmlReport(String title, String subtitle) {
        document = Document.createShell("");
        document.outputSettings().charset(StandardCharsets.UTF_8).indentAmount(1);
        document.head().appendElement("meta").attr("charset", "utf-8");
        document.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        document.head().appendElement("title").text(title);
        document.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
        body = document.body();
        body.appendElement("h1").text(title);
        body.appendElement("p").addClass("sub").text(subtitle);
    }

    /**
     * The report of one backtest.
     *
     * @param title    e.g. "Backtest: rsi on BTCUSDT 1h"
     * @param subtitle period, parameters and costs, one line
     * @param candles  each symbol's candles, for the buy-and-hold line
     */
    public static String backtest(String title, String subtitle, BacktestResult result, Map<Symbol, CandleSeries> candles) {
        HtmlReport report = new HtmlReport(title, subtitle);
        report.body.appendElement("h2").text("Performance");
        report.metricsTable(result.metrics(), result.buyAndHold());
        if (!result.riskRefusals().isEmpty()) {
            report.body.appendElement("p").text("Entries refused by the risk policy: " + result.riskRefusals());
        }
        report.charts(result.equityCurve(), candles);
        report.trades(result.trades());
        return report.document.outerHtml();
    }

    /** The report of a walk-forward. */
    public static String walkForward(String title, String subtitle, WalkForwardResult result,
            Map<Symbol, CandleSeries> candles) {
        HtmlReport report = new HtmlReport(title, subtitle);
        Metric metric = result.metric();
        report.body.appendElement("h2").text("Stitched out-of-sample run");
        report.metricsTable(result.outOfSample(), result.buyAndHold());
        report.body.appendElement("h2").text("In sample vs out of sample");
        Element overall = report.table(List.of("", "in sample (mean per window)", "out of sample (mean per window)"));
        report.valueRow(overall, "mean_" + metric.code(), "mean " + metric.code(), result.inSampleMean(metric),
                result.outOfSampleMean(metric), HtmlReport::num);
        report.valueRow(overall, "mean_total_return", "mean return", result.inSampleMean(Metric.TOTAL_RETURN),
                result.outOfSampleMean(Metric.TOTAL_RETURN), HtmlReport::pct);
        report.windows(result);
        report.robustness(result.monteCarlo(), result.deflatedSharpe());
        long from = result.windows().get(0).window().testFrom();
        long to = result.windows().get(result.windows().size() - 1).window().testTo();
        Map<Symbol, CandleSeries> span = candles.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().between(from, to), (a, b) -> a, java.util.LinkedHashMap::new));
        report.charts(result.equity(), span);
        report.trades(result.trades());
        return report.document.outerHtml();
    }

    /** Writes {@code html} to {@code file}, creating its folder. */
    public static void save(Path file, String html) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private void metricsTable(PerformanceMetrics m, Map<Symbol, BuyAndHold> holds) {
        List<String> header = new java.util.ArrayList<>(List.of("", "strategy"));
        holds.keySet().forEach(s -> header.add("buy and hold " + s.value()));
        Element table = table(header).attr("id", "metrics");
        row(table, "total_return", "total return", m.totalReturn(), holds, BuyAndHold::totalReturn, HtmlReport::pct);
        row(table, "cagr", "CAGR", m.cagr(), holds, BuyAndHold::cagr, HtmlReport::pct);
        row(table, "max_drawdown", "max drawdown", m.maxDrawdown(), holds, BuyAndHold::maxDrawdown, HtmlReport::pct);
        Element duration = table.appendElement("tr").attr("data-metric", "max_drawdown_duration");
        duration.appendElement("th").text("max drawdown duration");
        duration.appendElement("td").addClass("strategy").attr("data-value", m.maxDrawdownDuration().toString())
                .text(m.maxDrawdownDuration().toDays() + " d");
        row(table, "sharpe", "Sharpe", m.sharpe(), holds, BuyAndHold::sharpe, HtmlReport::num);
        row(table, "sortino", "Sortino", m.sortino(), Map.of(), null, HtmlReport::num);
        row(table, "calmar", "Calmar", m.calmar(), Map.of(), null, HtmlReport::num);
        row(table, "win_rate", "win rate", m.winRate(), Map.of(), null, HtmlReport::pct);
        row(table, "profit_factor", "profit factor", m.profitFactor(), Map.of(), null, HtmlReport::num);
        row(table, "exposure", "exposure", m.exposure(), Map.of(), null, HtmlReport::pct);
        moneyRow(table, "trades", "trades", BigDecimal.valueOf(m.trades()), 0);
        moneyRow(table, "expectancy", "expectancy", m.expectancy(), 2);
        moneyRow(table, "fees_paid", "fees paid", m.feesPaid(), 2);
        moneyRow(table, "initial_equity", "initial equity", m.initialEquity(), 2);
        moneyRow(table, "final_equity", "final equity", m.finalEquity(), 2);
    }

    private void row(Element table, String key, String label, double value, Map<Symbol, BuyAndHold> holds,
            Function<BuyAndHold, Double> holdValue, Function<Double, String> format) {
        Element tr = table.appendElement("tr").attr("data-metric", key);
        tr.appendElement("th").text(label);
        cell(tr, value, format).addClass("strategy");
        for (Map.Entry<Symbol, BuyAndHold> hold : holds.entrySet()) {
            cell(tr, holdValue.apply(hold.getValue()), format).addClass("hold").attr("data-symbol", hold.getKey().value());
        }
    }

    private void valueRow(Element table, String key, String label, double left, double right,
            Function<Double, String> format) {
        Element tr = table.appendElement("tr").attr("data-metric", key);
        tr.appendElement("th").text(label);
        cell(tr, left, format).addClass("in-sample");
        cell(tr, right, format).addClass("out-of-sample");
    }

    private static void moneyRow(Element table, String key, String label, BigDecimal value, int scale) {
        Element tr = table.appendElement("tr").attr("data-metric", key);
        tr.appendElement("th").text(label);
        tr.appendElement("td").addClass("strategy").attr("data-value", value.toPlainString()).text(money(value, scale));
    }

    private static Element cell(Element tr, double value, Function<Double, String> format) {
        Element td = tr.appendElement("td").attr("data-value", Double.toString(value)).text(format.apply(value));
        if (value < 0) {
            td.addClass("neg");
        }
        return td;
    }

    private void windows(WalkForwardResult result) {
        Metric m = result.metric();
        body.appendElement("h2").text("Windows");
        Element table = table(List.of("#", "train from", "test from", "test to", "chosen parameters", "IS " + m.code(),
                "OOS " + m.code(), "IS return", "OOS return", "OOS trades")).attr("id", "windows");
        for (WindowResult w : result.windows()) {
            Element tr = table.appendElement("tr").attr("data-window", String.valueOf(w.window().number()));
            tr.appendElement("td").text(String.valueOf(w.window().number()));
            tr.appendElement("td").text(w.window().trainStart().toString().substring(0, 10));
            tr.appendElement("td").text(w.window().testStart().toString().substring(0, 10));
            tr.appendElement("td").text(w.window().testEnd().toString().substring(0, 10));
            tr.appendElement("td").addClass("text").text(w.inSample().parameters().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
            cell(tr, m.of(w.inSample().metrics()), HtmlReport::num).addClass("in-sample");
            cell(tr, m.of(w.outOfSample().metrics()), HtmlReport::num).addClass("out-of-sample");
            cell(tr, w.inSample().metrics().totalReturn(), HtmlReport::pct).addClass("in-sample-return");
            cell(tr, w.outOfSample().metrics().totalReturn(), HtmlReport::pct).addClass("out-of-sample-return");
            tr.appendElement("td").text(String.valueOf(w.outOfSample().metrics().trades()));
        }
    }

    private void robustness(MonteCarloDrawdowns mc, DeflatedSharpe dsr) {
        body.appendElement("h2").text("Robustness");
        Element table = table(List.of("", "value")).attr("id", "robustness");
        String mcLabel = "max drawdown, " + mc.runs() + " reshuffles of " + mc.trades() + " trades (seed " + mc.seed() + "): ";
        valueOnly(table, "mc_observed", mcLabel + "observed order", mc.observed(), HtmlReport::pct);
        valueOnly(table, "mc_p5", mcLabel + "5th percentile", mc.p5(), HtmlReport::pct);
        valueOnly(table, "mc_p50", mcLabel + "median", mc.p50(), HtmlReport::pct);
        valueOnly(table, "mc_p95", mcLabel + "95th percentile", mc.p95(), HtmlReport::pct);
        valueOnly(table, "mc_p99", mcLabel + "99th percentile", mc.p99(), HtmlReport::pct);
        valueOnly(table, "mc_worst", mcLabel + "worst", mc.worst(), HtmlReport::pct);
        valueOnly(table, "deflated_sharpe", "deflated Sharpe ratio over " + dsr.trials() + " trials", dsr.probability(),
                HtmlReport::num);
    }

    private void valueOnly(Element table, String key, String label, double value, Function<Double, String> format) {
        Element tr = table.appendElement("tr").attr("data-metric", key);
        tr.appendElement("th").text(label);
        cell(tr, value, format).addClass("strategy");
    }

    private void charts(EquityCurve curve, Map<Symbol, CandleSeries> candles) {
        body.appendElement("h2").text("Equity and drawdown");
        long[] times = new long[curve.size() + 1];
        double[] equity = new double[curve.size() + 1];
        double[] drawdown = new double[curve.size() + 1];
        times[0] = curve.startTime().toEpochMilli();
        equity[0] = curve.startEquity();
        double peak = curve.startEquity();
        for (int i = 0; i < curve.size(); i++) {
            times[i + 1] = curve.timeMillis(i);
            equity[i + 1] = curve.equity(i);
            peak = Math.max(peak, curve.equity(i));
            drawdown[i + 1] = curve.equity(i) / peak - 1;
        }
        SvgChart chart = new SvgChart("Equity (quote asset); buy and hold scaled to the same start", SvgChart.Axis.MONEY)
                .line("strategy", times, equity);
        for (Map.Entry<Symbol, CandleSeries> entry : candles.entrySet()) {
            CandleSeries c = entry.getValue();
            if (c.isEmpty()) {
                continue;
            }
            long[] holdTimes = new long[c.size()];
            double[] hold = new double[c.size()];
            for (int i = 0; i < c.size(); i++) {
                holdTimes[i] = c.openTime(i) + c.interval().millis();
                hold[i] = curve.startEquity() * c.close(i) / c.close(0);
            }
            chart.line("buy and hold " + entry.getKey().value(), holdTimes, hold);
        }
        chart.appendTo(body);
        new SvgChart("Drawdown of the strategy", SvgChart.Axis.PERCENT).area("drawdown", times, drawdown).appendTo(body);
    }

    private void trades(List<Trade> trades) {
        body.appendElement("h2").text("Trades (" + trades.size() + ")");
        Element table = table(List.of("#", "symbol", "entry", "entry price", "exit", "exit price", "quantity", "fees",
                "PnL", "exit reason", "entry rule")).attr("id", "trades");
        int n = 1;
        for (Trade t : trades) {
            Element tr = table.appendElement("tr").addClass("trade");
            tr.appendElement("td").text(String.valueOf(n++));
            tr.appendElement("td").text(t.symbol().value());
            tr.appendElement("td").text(t.entryTime().toString());
            tr.appendElement("td").attr("data-value", t.entryPrice().toPlainString()).text(t.entryPrice().toPlainString());
            tr.appendElement("td").text(t.exitTime().toString());
            tr.appendElement("td").attr("data-value", t.exitPrice().toPlainString()).text(t.exitPrice().toPlainString());
            tr.appendElement("td").attr("data-value", t.quantity().toPlainString()).text(t.quantity().toPlainString());
            tr.appendElement("td").addClass("fees").attr("data-value", t.fees().toPlainString()).text(money(t.fees(), 2));
            tr.appendElement("td").addClass("pnl").addClass(t.pnl().signum() < 0 ? "neg" : "pos")
                    .attr("data-value", t.pnl().toPlainString()).text(money(t.pnl(), 2));
            tr.appendElement("td").text(t.exitReason().name().toLowerCase(Locale.ROOT));
            tr.appendElement("td").addClass("text").addClass("reason").text(t.entryReasons().stream()
                    .map(Reason::rule).collect(Collectors.joining("; ")));
        }
    }

    private Element table(List<String> header) {
        Element table = body.appendElement("div").addClass("scroll").appendElement("table");
        Element tr = table.appendElement("thead").appendElement("tr");
        header.forEach(h -> tr.appendElement("th").text(h));
        return table.appendElement("tbody");
    }

    private static String pct(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f %%", value * 100) : String.valueOf(value);
    }

    private static String num(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : String.valueOf(value);
    }

    private static String money(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
}
