package io.botcore.core.optimize;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.backtest.BacktestMarket;
import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.Backtester;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backtests every candidate parameter set of a strategy on the same markets, in parallel, and ranks them.
 *
 * <p>Each trial builds fresh strategies and runs its own {@link Backtester}, so trials share nothing but the
 * immutable candles; the result lists trials in search order whatever order they finish in, so a search is
 * reproducible with any number of threads.
 *
 * <p>Thread-safe.
 */
public final class Optimizer {

    /** Told after each trial; called from the worker threads, so it must be thread-safe. */
    @FunctionalInterface
    public interface Progress {

        /** {@code done} of {@code total} trials have finished. */
        void trialDone(int done, int total);

        /** Ignores progress. */
        Progress NONE = (done, total) -> { };
    }

    private final BacktestConfig config;
    private final int threads;

    /**
     * @param config  cash, fill model, risk limits and exits of every trial
     * @param threads worker threads, {@code >= 1}
     */
    public Optimizer(BacktestConfig config, int threads) {
        this.config = Objects.requireNonNull(config, "config");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but is " + threads);
        }
        this.threads = threads;
    }

    /**
     * Checks that {@code strategy} accepts every candidate before any backtest runs.
     *
     * @throws IllegalArgumentException naming the strategy or the first candidate it refuses, and why
     */
    public static void validate(String strategy, List<Map<String, String>> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate parameters to try");
        }
        for (Map<String, String> candidate : candidates) {
            try {
                StrategyCatalog.create(strategy, StrategyParameters.of(candidate));
            } catch (IllegalArgumentException e) {
                if (!StrategyCatalog.names().contains(strategy)) {
                    throw e;
                }
                throw new IllegalArgumentException("parameters " + candidate + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Backtests {@code strategy} with each of {@code candidates} on {@code markets} and ranks them by
     * {@code metric}.
     *
     * @throws IllegalArgumentException if the strategy refuses a candidate (see {@link #validate})
     */
    public OptimizationResult search(String strategy, List<Map<String, String>> candidates,
            List<MarketCandles> markets, Metric metric, Progress progress) {
        validate(strategy, candidates);
        Objects.requireNonNull(metric, "metric");
        int total = candidates.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), runnable -> {
            Thread thread = new Thread(runnable, "optimizer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Trial>> futures = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Trial trial = trial(index, strategy, candidates.get(index), markets, metric);
                    progress.trialDone(done.incrementAndGet(), total);
                    return trial;
                }));
            }
            List<Trial> trials = new ArrayList<>(total);
            for (Future<Trial> future : futures) {
                trials.add(await(future));
            }
            return new OptimizationResult(strategy, metric, trials);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One backtest of {@code strategy} with {@code parameters}, each market's strategy warmed up first. */
    public BacktestResult backtest(String strategy, Map<String, String> parameters, List<MarketCandles> markets) {
        List<BacktestMarket> fresh = new ArrayList<>(markets.size());
        for (MarketCandles market : markets) {
            fresh.add(market.warmedUp(StrategyCatalog.create(strategy, StrategyParameters.of(parameters))));
        }
        return new Backtester(config).run(fresh);
    }

    private Trial trial(int index, String strategy, Map<String, String> parameters, List<MarketCandles> markets,
            Metric metric) {
        BacktestResult result = backtest(strategy, parameters, markets);
        return new Trial(index, parameters, result.metrics(), metric.of(result.metrics()),
                ReturnMoments.of(result.equityCurve()));
    }

    private static Trial await(Future<Trial> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("trial failed", e.getCause());
        }
    }
}
