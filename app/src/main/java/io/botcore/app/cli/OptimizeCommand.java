package io.botcore.app.cli;

import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.core.market.Interval;
import io.botcore.core.optimize.DeflatedSharpe;
import io.botcore.core.optimize.MarketCandles;
import io.botcore.core.optimize.Metric;
import io.botcore.core.optimize.OptimizationResult;
import io.botcore.core.optimize.Optimizer;
import io.botcore.core.optimize.ParameterGrid;
import io.botcore.core.optimize.Trial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Searches a strategy's parameters on stored candles: every grid point, or a seeded random sample of them, each a
 * full backtest through the one fill model, in parallel; prints the best, saves every trial as JSON and reports
 * how many trials ran, with the deflated Sharpe ratio of the best that this count implies.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search a strategy's parameters on stored candles (parallel backtests), rank them by a metric.",
            "",
            "Grid: comma-separated name=from..to:step (inclusive), name=a|b|c or name=value.",
            "Results (every trial, ranked) are saved as JSON; the same command on the same data writes the same bytes."},
        footer = {"", "Examples:",
            "  ./bot-core optimize --strategy rsi --symbol BTCUSDT --interval 1h \\",
            "      --from 2024-01-01 --to 2025-01-01 \\",
            "      --grid 'period=7..28:7,oversold=20..35:5' --metric sharpe --top 5 \\",
            "      --out rsi-grid.json",
            "  ./bot-core optimize --strategy bollinger --symbol BTCUSDT --interval 1h \\",
            "      --grid 'period=10..60:5,k=1.5..3:0.25' --random 40 --seed 7 \\",
            "      --metric calmar"})
public final class OptimizeCommand implements Callable<Integer> {

    @Mixin
    TradingOptions trading = new TradingOptions();

    @Option(names = "--grid", required = true, paramLabel = "GRID", description = "parameters to search, e.g. 'period=7..28:7,oversold=20..35:5'")
    String grid;

    @Option(names = "--metric", defaultValue = "sharpe",
            description = "rank by: sharpe, sortino, calmar, total_return, cagr, profit_factor, win_rate, expectancy, max_drawdown (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--random", paramLabel = "N", description = "try N distinct grid points drawn at random instead of all")
    Integer random;

    @Option(names = "--seed", defaultValue = "1", description = "seed of --random (default: ${DEFAULT-VALUE}); the same seed draws the same points")
    long seed;

    @Option(names = "--threads", description = "parallel backtests (default: all cores)")
    Integer threads;

    @Option(names = "--top", defaultValue = "10", description = "rows of the table (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--out", paramLabel = "FILE", description = "JSON results (default: <data>/results/optimize-<strategy>-<symbols>-<interval>.json)")
    Path out;

    @Override
    public Integer call() throws IOException {
        Search search = Search.of(trading, grid, metric, random, seed, threads);
        if (top < 1) {
            throw new CliFailure(2, "--top: must be at least 1");
        }
        List<MarketCandles> markets = trading.markets();
        ProgressBar bar = new ProgressBar(System.err, "optimize");
        OptimizationResult result = new Optimizer(trading.config(), search.threads()).search(trading.strategy,
                search.candidates(), markets, search.metric(), (done, total) -> {
                    synchronized (bar) {
                        bar.update((double) done / total, done + "/" + total + " trials");
                    }
                });
        bar.done();
        Path file = out != null ? out : trading.dataDir().resolve("results").resolve("optimize-" + trading.strategy
                + "-" + trading.symbolList().replace(',', '-') + "-" + trading.market.interval().code() + ".json");
        ResultJson.save(file, json(markets, search, result));
        print(result, search);
        System.out.println("results: " + file.toAbsolutePath());
        return 0;
    }

    private Map<String, Object> json(List<MarketCandles> markets, Search search, OptimizationResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", trading.strategy);
        out.put("symbols", trading.market.symbols());
        out.put("interval", trading.market.interval().code());
        out.put("from", Instant.ofEpochMilli(markets.get(0).candles().firstOpenTime()).toString());
        out.put("to", Instant.ofEpochMilli(markets.get(0).candles().lastOpenTime()).toString());
        out.put("candles", markets.stream().mapToInt(m -> m.candles().size()).sum());
        out.putAll(search.json());
        out.put("trials", result.trialCount());
        out.put("deflated_sharpe", ResultJson.deflatedSharpe(result.deflatedSharpe()));
        List<Map<String, Object>> ranked = new ArrayList<>();
        int rank = 1;
        for (Trial trial : result.ranked()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rank++);
            row.put("trial", trial.index());
            row.put("params", trial.parameters());
            row.put(result.metric().code(), trial.value());
            row.put("metrics", ResultJson.metrics(trial.metrics()));
            ranked.add(row);
        }
        out.put("ranked", ranked);
        return out;
    }

    private void print(OptimizationResult result, Search search) {
        Interval interval = trading.market.interval();
        System.out.printf("%s on %s %s: %d trials (%s), ranked by %s%n%n", trading.strategy, trading.symbolList(),
                interval.code(), result.trialCount(), search.description(), result.metric().code());
        List<String> names = new ArrayList<>(result.trials().get(0).parameters().keySet());
        StringBuilder header = new StringBuilder(String.format("%4s", "#"));
        names.forEach(n -> header.append(String.format(" %10s", n)));
        header.append(String.format(" %13s %12s %8s %12s %7s", result.metric().code(), "total return", "Sharpe",
                "max drawdown", "trades"));
        System.out.println(header);
        List<Trial> ranked = result.ranked();
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            Trial trial = ranked.get(i);
            PerformanceMetrics m = trial.metrics();
            StringBuilder row = new StringBuilder(String.format("%4d", i + 1));
            names.forEach(n -> row.append(String.format(" %10s", trial.parameters().get(n))));
            row.append(String.format(" %13s %12s %8s %12s %7d", Format.num(trial.value()), Format.pct(m.totalReturn()),
                    Format.num(m.sharpe()), Format.pct(m.maxDrawdown()), m.trades()));
            System.out.println(row);
        }
        DeflatedSharpe dsr = result.deflatedSharpe();
        System.out.printf("%ntrials run: %d; deflated Sharpe ratio of the best: %s (probability that its true Sharpe "
                + "beats the best of %d lucky trials)%n", result.trialCount(), Format.num(dsr.probability()),
                result.trialCount());
    }

    /** The validated search settings shared by optimize and walk-forward. */
    record Search(List<Map<String, String>> candidates, Metric metric, int threads, long gridSize, String gridText,
            Integer random, long seed) {

        static Search of(TradingOptions trading, String grid, String metric, Integer random, long seed, Integer threads) {
            ParameterGrid parsed;
            try {
                parsed = ParameterGrid.parse(grid);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--grid: " + e.getMessage());
            }
            Metric chosen;
            try {
                chosen = Metric.fromCode(metric);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--metric: " + e.getMessage());
            }
            if (random != null && random < 1) {
                throw new CliFailure(2, "--random: must be at least 1");
            }
            int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (workers < 1) {
                throw new CliFailure(2, "--threads: must be at least 1");
            }
            if (random == null && parsed.size() > 100_000) {
                throw new CliFailure(2, "--grid: " + parsed.size() + " combinations; at most 100000 without --random");
            }
            List<Map<String, String>> candidates = random == null ? parsed.all() : parsed.sample(random, seed);
            try {
                Optimizer.validate(trading.strategy, candidates);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--strategy/--grid: " + e.getMessage());
            }
            return new Search(candidates, chosen, workers, parsed.size(), grid, random, seed);
        }

        String description() {
            return random == null ? "full grid of " + gridSize
                    : candidates.size() + " drawn at random from " + gridSize + " with seed " + seed;
        }

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("grid", gridText);
            out.put("grid_size", gridSize);
            out.put("search", random == null ? "grid" : "random");
            if (random != null) {
                out.put("seed", seed);
            }
            out.put("metric", metric.code());
            return out;
        }
    }
}
