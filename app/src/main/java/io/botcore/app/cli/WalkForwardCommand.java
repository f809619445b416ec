package io.botcore.app.cli;

import io.botcore.app.report.HtmlReport;
import io.botcore.core.backtest.BuyAndHold;
import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.core.execution.Symbol;
import io.botcore.core.optimize.DeflatedSharpe;
import io.botcore.core.optimize.MarketCandles;
import io.botcore.core.optimize.Metric;
import io.botcore.core.walkforward.MonteCarloDrawdowns;
import io.botcore.core.walkforward.WalkForward;
import io.botcore.core.walkforward.WalkForwardPlan;
import io.botcore.core.walkforward.WalkForwardResult;
import io.botcore.core.walkforward.WalkForwardWindow;
import io.botcore.core.walkforward.WindowResult;
import io.botcore.platform.config.ShortDuration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Walk-forward analysis on stored candles: optimise on each training window, trade the next window out of
 * sample, and judge the strategy on the stitched out-of-sample run, in-sample and out-of-sample side by side, with
 * a Monte Carlo drawdown distribution and the deflated Sharpe ratio.
 */
@Command(name = "walk-forward", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Optimise on each training window, trade the next window out of sample, stitch the out-of-sample equity.",
            "",
            "Windows roll forward by --test, so test windows are contiguous and never overlap their training window; "
                + "the strategy is warmed up on the training candles but places no order before its test window.",
            "",
            "Reports in-sample vs out-of-sample per window and overall, a Monte Carlo reshuffle of the out-of-sample "
                + "trades (1000 runs, --seed) for the drawdown distribution, and the deflated Sharpe ratio over all trials."},
        footer = {"", "Examples:",
            "  ./bot-core walk-forward --strategy rsi --symbol BTCUSDT --interval 1h \\",
            "      --from 2022-01-01 --grid 'period=7..28:7,oversold=20..35:5' \\",
            "      --train 90d --test 30d --metric sharpe",
            "  ./bot-core walk-forward --strategy macd --symbol BTCUSDT --interval 1h \\",
            "      --grid 'fast=8|12,slow=21|26' --train 180d --test 30d \\",
            "      --out wf.json --report wf.html"})
public final class WalkForwardCommand implements Callable<Integer> {

    @Mixin
    TradingOptions trading = new TradingOptions();

    @Option(names = "--grid", required = true, paramLabel = "GRID", description = "parameters to search in each training window, e.g. 'period=7..28:7,oversold=20..35:5'")
    String grid;

    @Option(names = "--train", defaultValue = "90d", description = "training window, e.g. 90d (default: ${DEFAULT-VALUE})")
    String train;

    @Option(names = "--test", defaultValue = "30d", description = "test window and step, e.g. 30d (default: ${DEFAULT-VALUE})")
    String test;

    @Option(names = "--metric", defaultValue = "sharpe",
            description = "optimise for: sharpe, sortino, calmar, total_return, cagr, profit_factor, win_rate, expectancy, max_drawdown (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--random", paramLabel = "N", description = "try N distinct grid points drawn at random instead of all")
    Integer random;

    @Option(names = "--seed", defaultValue = "1", description = "seed of --random and of the Monte Carlo reshuffles (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "parallel backtests (default: all cores)")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "JSON results (default: <data>/results/walk-forward-<strategy>-<symbols>-<interval>.json)")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "also write one self-contained HTML report (windows, stitched equity and drawdown, trades)")
    Path report;

    @Override
    public Integer call() throws IOException {
        OptimizeCommand.Search search = OptimizeCommand.Search.of(trading, grid, metric, random, seed, threads);
        WalkForwardPlan plan = new WalkForwardPlan(duration("--train", train), duration("--test", test));
        List<MarketCandles> markets = trading.markets();
        ProgressBar bar = new ProgressBar(System.err, "walk-forward");
        WalkForwardResult result;
        try {
            result = new WalkForward(trading.config(), search.threads(), seed).run(trading.strategy,
                    search.candidates(), markets, search.metric(), plan, (done, total) -> {
                        synchronized (bar) {
                            bar.update((double) done / total, done + "/" + total + " trials");
                        }
                    });
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--train/--test/--from/--to: " + e.getMessage());
        }
        bar.done();
        Path file = out != null ? out : trading.dataDir().resolve("results").resolve("walk-forward-" + trading.strategy
                + "-" + trading.symbolList().replace(',', '-') + "-" + trading.market.interval().code() + ".json");
        ResultJson.save(file, json(search, result));
        if (report != null) {
            Map<io.botcore.core.execution.Symbol, io.botcore.core.market.CandleSeries> candles = new LinkedHashMap<>();
            markets.forEach(m -> candles.put(m.rules().symbol(), m.candles()));
            HtmlReport.save(report, HtmlReport.walkForward("Walk-forward: " + trading.strategy + " on "
                    + trading.symbolList() + " " + trading.market.interval().code(), "train " + train + ", test " + test
                    + ", " + search.description() + " per window, optimised for " + search.metric().code()
                    + "; starting cash " + trading.cash.toPlainString() + "; fees 0.1 % taker, spread and slippage on",
                    result, candles));
            System.err.println("report: " + report.toAbsolutePath());
        }
        print(search, result);
        System.out.println("results: " + file.toAbsolutePath());
        return 0;
    }

    private static Duration duration(String option, String value) {
        try {
            return ShortDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, option + ": " + e.getMessage());
        }
    }

    private Map<String, Object> json(OptimizeCommand.Search search, WalkForwardResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", trading.strategy);
        out.put("symbols", trading.market.symbols());
        out.put("interval", trading.market.interval().code());
        out.put("train", train);
        out.put("test", test);
        out.putAll(search.json());
        out.put("trials", result.trials());
        Metric m = result.metric();
        List<Map<String, Object>> windows = new ArrayList<>();
        for (WindowResult w : result.windows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("window", w.window().number());
            row.put("train_from", w.window().trainStart().toString());
            row.put("test_from", w.window().testStart().toString());
            row.put("test_to", w.window().testEnd().toString());
            row.put("trials", w.trials());
            row.put("params", w.inSample().parameters());
            row.put("in_sample", ResultJson.metrics(w.inSample().metrics()));
            row.put("out_of_sample", ResultJson.metrics(w.outOfSample().metrics()));
            windows.add(row);
        }
        out.put("windows", windows);
        Map<String, Object> overall = new LinkedHashMap<>();
        overall.put("in_sample_mean_" + m.code(), result.inSampleMean(m));
        overall.put("out_of_sample_mean_" + m.code(), result.outOfSampleMean(m));
        overall.put("in_sample_mean_total_return", result.inSampleMean(Metric.TOTAL_RETURN));
        overall.put("out_of_sample_mean_total_return", result.outOfSampleMean(Metric.TOTAL_RETURN));
        overall.put("out_of_sample", ResultJson.metrics(result.outOfSample()));
        Map<String, Object> holds = new LinkedHashMap<>();
        result.buyAndHold().forEach((symbol, hold) -> holds.put(symbol.value(), ResultJson.buyAndHold(hold)));
        overall.put("buy_and_hold", holds);
        out.put("overall", overall);
        out.put("monte_carlo_max_drawdown", monteCarlo(result.monteCarlo()));
        out.put("deflated_sharpe", ResultJson.deflatedSharpe(result.deflatedSharpe()));
        return out;
    }

    private static Map<String, Object> monteCarlo(MonteCarloDrawdowns mc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", mc.runs());
        out.put("seed", mc.seed());
        out.put("trades", mc.trades());
        out.put("observed", mc.observed());
        out.put("p5", mc.p5());
        out.put("p50", mc.p50());
        out.put("p95", mc.p95());
        out.put("p99", mc.p99());
        out.put("worst", mc.worst());
        return out;
    }

    private void print(OptimizeCommand.Search search, WalkForwardResult result) {
        Metric m = result.metric();
        System.out.printf("%s on %s %s: %d windows (train %s, test %s), %d trials each (%s), optimised for %s%n%n",
                trading.strategy, trading.symbolList(), trading.market.interval().code(), result.windows().size(),
                train, test, search.candidates().size(), search.description(), m.code());
        String f = "%3s  %-10s  %-10s  %-28s %12s %12s %10s %10s %6s%n";
        System.out.printf(f, "#", "train from", "test from", "chosen parameters", "IS " + m.code(), "OOS " + m.code(),
                "IS return", "OOS return", "trades");
        for (WindowResult w : result.windows()) {
            WalkForwardWindow window = w.window();
            PerformanceMetrics is = w.inSample().metrics();
            PerformanceMetrics oos = w.outOfSample().metrics();
            System.out.printf(f, window.number(), window.trainStart().toString().substring(0, 10),
                    window.testStart().toString().substring(0, 10), params(w.inSample().parameters()),
                    Format.num(m.of(is)), Format.num(m.of(oos)), Format.pct(is.totalReturn()), Format.pct(oos.totalReturn()),
                    oos.trades());
        }
        PerformanceMetrics oos = result.outOfSample();
        System.out.printf("%n%-34s %14s %14s%n", "overall", "in sample", "out of sample");
        System.out.printf("%-34s %14s %14s%n", "mean " + m.code() + " per window", Format.num(result.inSampleMean(m)),
                Format.num(result.outOfSampleMean(m)));
        System.out.printf("%-34s %14s %14s%n", "mean return per window", Format.pct(result.inSampleMean(Metric.TOTAL_RETURN)),
                Format.pct(result.outOfSampleMean(Metric.TOTAL_RETURN)));
        System.out.printf("%n%-34s %14s", "stitched out of sample", "strategy");
        result.buyAndHold().keySet().forEach(s -> System.out.printf(" %14s", "hold " + s.value()));
        System.out.println();
        row("total return", Format.pct(oos.totalReturn()), result, h -> Format.pct(h.totalReturn()));
        row("CAGR", Format.pct(oos.cagr()), result, h -> Format.pct(h.cagr()));
        row("max drawdown", Format.pct(oos.maxDrawdown()), result, h -> Format.pct(h.maxDrawdown()));
        row("Sharpe", Format.num(oos.sharpe()), result, h -> Format.num(h.sharpe()));
        row("trades", String.valueOf(oos.trades()), result, h -> "");
        row("fees paid", oos.feesPaid().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(), result, h -> "");
        MonteCarloDrawdowns mc = result.monteCarlo();
        System.out.printf("%nMonte Carlo max drawdown (%d reshuffles of %d trades, seed %d): observed %s, 5%% %s, "
                + "median %s, 95%% %s, 99%% %s, worst %s%n", mc.runs(), mc.trades(), mc.seed(), Format.pct(mc.observed()),
                Format.pct(mc.p5()), Format.pct(mc.p50()), Format.pct(mc.p95()), Format.pct(mc.p99()), Format.pct(mc.worst()));
        DeflatedSharpe dsr = result.deflatedSharpe();
        System.out.printf("trials run: %d; deflated Sharpe ratio of the out-of-sample run: %s%n", result.trials(),
                Format.num(dsr.probability()));
    }

    private static void row(String label, String strategy, WalkForwardResult result,
            java.util.function.Function<BuyAndHold, String> hold) {
        System.out.printf("%-34s %14s", label, strategy);
        for (Map.Entry<Symbol, BuyAndHold> entry : result.buyAndHold().entrySet()) {
            System.out.printf(" %14s", hold.apply(entry.getValue()));
        }
        System.out.println();
    }

    private static String params(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.forEach((k, v) -> text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return text.toString();
    }
}
