package io.botcore.app.cli;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.Backtester;
import io.botcore.core.backtest.BuyAndHold;
import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one strategy over stored candles with the one fill model and risk policy, and prints the metrics
 * beside buy-and-hold of the same candles. The same command on the same data prints the same result.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest a strategy on stored candles (fees, spread, slippage, risk limits) against buy-and-hold.")
public final class BacktestCommand implements Callable<Integer> {

    @Mixin
    MarketDataOptions market = new MarketDataOptions();

    @Option(names = "--strategy", required = true, description = "rsi, macd, bollinger, volume or ensemble")
    String strategy;

    @Option(names = "--from", description = "first day (UTC), e.g. 2024-01-01; default: first stored candle")
    String from;

    @Option(names = "--to", description = "end (exclusive, UTC); default: after the last stored candle")
    String to;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "strategy parameter, e.g. --param period=7")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cash", defaultValue = "10000", description = "starting cash in the quote asset (default: ${DEFAULT-VALUE})")
    BigDecimal cash;

    @Option(names = "--tick", defaultValue = "0.01", description = "price tick size (default: ${DEFAULT-VALUE}, Binance BTCUSDT)")
    String tick;

    @Option(names = "--step", defaultValue = "0.00001", description = "quantity step (default: ${DEFAULT-VALUE}, Binance BTCUSDT)")
    String step;

    @Option(names = "--min-notional", defaultValue = "5", description = "smallest order value (default: ${DEFAULT-VALUE})")
    String minNotional;

    @Option(names = "--json", description = "print the result as JSON instead of a table")
    boolean json;

    @Override
    public Integer call() throws IOException {
        String symbol = market.symbol();
        Interval interval = market.interval();
        Strategy chosen;
        try {
            chosen = StrategyCatalog.create(strategy, StrategyParameters.of(params));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--strategy/--param: " + e.getMessage());
        }
        if (cash.signum() <= 0) {
            throw new CliFailure(2, "--cash: must be positive");
        }
        CandleSeries candles = candles(symbol, interval);
        SymbolRules rules;
        try {
            rules = SymbolRules.of(symbol, tick, step, step, minNotional);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--tick/--step/--min-notional: " + e.getMessage());
        }
        BacktestResult result = new Backtester(BacktestConfig.defaults().withInitialCash(cash)).run(chosen, rules, candles);
        if (json) {
            System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(summary(symbol, interval, candles, result)));
        } else {
            print(symbol, interval, candles, result);
        }
        return 0;
    }

    private CandleSeries candles(String symbol, Interval interval) throws IOException {
        CandleSeries all = market.store().readAll("binance", symbol, interval).series();
        if (all.isEmpty()) {
            throw new CliFailure(2, "no stored candles for " + symbol + " " + interval.code()
                    + ": run ./bot-core import-data or download-data first");
        }
        long start = from == null ? all.firstOpenTime() : MarketDataOptions.date("--from", from);
        long end = to == null ? all.lastOpenTime() + 1 : MarketDataOptions.date("--to", to);
        if (start >= end) {
            throw new CliFailure(2, "--from must be before --to");
        }
        CandleSeries window = all.between(start, end);
        if (window.size() < 2) {
            throw new CliFailure(2, "only " + window.size() + " stored candles between " + Instant.ofEpochMilli(start)
                    + " and " + Instant.ofEpochMilli(end) + "; stored: " + Instant.ofEpochMilli(all.firstOpenTime())
                    + " .. " + Instant.ofEpochMilli(all.lastOpenTime()));
        }
        return window;
    }

    private Map<String, Object> summary(String symbol, Interval interval, CandleSeries candles, BacktestResult result) {
        PerformanceMetrics m = result.metrics();
        BuyAndHold hold = result.buyAndHoldOfFirst();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", strategy);
        out.put("params", new java.util.TreeMap<>(params));
        out.put("symbol", symbol);
        out.put("interval", interval.code());
        out.put("from", Instant.ofEpochMilli(candles.firstOpenTime()).toString());
        out.put("to", Instant.ofEpochMilli(candles.lastOpenTime()).toString());
        out.put("candles", candles.size());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("initial_equity", m.initialEquity().toPlainString());
        metrics.put("final_equity", m.finalEquity().toPlainString());
        metrics.put("total_return", m.totalReturn());
        metrics.put("cagr", m.cagr());
        metrics.put("max_drawdown", m.maxDrawdown());
        metrics.put("max_drawdown_duration", m.maxDrawdownDuration().toString());
        metrics.put("sharpe", m.sharpe());
        metrics.put("sortino", m.sortino());
        metrics.put("calmar", m.calmar());
        metrics.put("trades", m.trades());
        metrics.put("win_rate", m.winRate());
        metrics.put("profit_factor", m.profitFactor());
        metrics.put("expectancy", m.expectancy().toPlainString());
        metrics.put("exposure", m.exposure());
        metrics.put("fees_paid", m.feesPaid().toPlainString());
        out.put("metrics", metrics);
        out.put("buy_and_hold", Map.of("total_return", hold.totalReturn(), "cagr", hold.cagr(),
                "max_drawdown", hold.maxDrawdown(), "sharpe", hold.sharpe()));
        return out;
    }

    private void print(String symbol, Interval interval, CandleSeries candles, BacktestResult result) {
        PerformanceMetrics m = result.metrics();
        BuyAndHold hold = result.buyAndHoldOfFirst();
        System.out.printf("%s on %s %s, %s .. %s, %,d candles, fees 0.1 %% taker, spread and slippage on%n%n",
                strategy, symbol, interval.code(), Instant.ofEpochMilli(candles.firstOpenTime()),
                Instant.ofEpochMilli(candles.lastOpenTime()), candles.size());
        String f = "%-22s %16s %16s%n";
        System.out.printf(f, "", strategy, "buy and hold");
        System.out.printf(f, "total return", pct(m.totalReturn()), pct(hold.totalReturn()));
        System.out.printf(f, "CAGR", pct(m.cagr()), pct(hold.cagr()));
        System.out.printf(f, "max drawdown", pct(m.maxDrawdown()), pct(hold.maxDrawdown()));
        System.out.printf(f, "max drawdown duration", m.maxDrawdownDuration().toDays() + " d", "");
        System.out.printf(f, "Sharpe", num(m.sharpe()), num(hold.sharpe()));
        System.out.printf(f, "Sortino", num(m.sortino()), "");
        System.out.printf(f, "Calmar", num(m.calmar()), "");
        System.out.printf(f, "trades", String.valueOf(m.trades()), "1");
        System.out.printf(f, "win rate", pct(m.winRate()), "");
        System.out.printf(f, "profit factor", num(m.profitFactor()), "");
        System.out.printf(f, "expectancy", m.expectancy().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(), "");
        System.out.printf(f, "exposure", pct(m.exposure()), "100.00 %");
        System.out.printf(f, "fees paid", m.feesPaid().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(), "");
        System.out.printf(f, "final equity", m.finalEquity().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(), "");
        if (!result.riskRefusals().isEmpty()) {
            System.out.println("\nentries refused by the risk policy: " + result.riskRefusals());
        }
    }

    private static String pct(double value) {
        return Double.isFinite(value) ? String.format("%.2f %%", value * 100) : String.valueOf(value);
    }

    private static String num(double value) {
        return Double.isFinite(value) ? String.format("%.2f", value) : String.valueOf(value);
    }
}
