package io.botcore.app.cli;

import io.botcore.app.report.HtmlReport;
import io.botcore.core.backtest.BacktestMarket;
import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.Backtester;
import io.botcore.core.backtest.BuyAndHold;
import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.core.execution.Symbol;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.optimize.MarketCandles;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs one strategy over stored candles with the one fill model and risk policy, and prints the metrics
 * beside buy-and-hold of the same candles. Several symbols ({@code --symbol BTCUSDT,ETHUSDT}) trade as one
 * portfolio: one cash account, one strategy instance per symbol, candles processed in open-time batches across
 * symbols. The same command on the same data prints the same result.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest a strategy on stored candles (fees, spread, slippage, risk limits) against buy-and-hold.",
        footer = {"", "Examples:",
            "  ./bot-core backtest --strategy rsi --symbol BTCUSDT --interval 1h \\",
            "      --from 2024-01-01 --to 2025-01-01",
            "  ./bot-core backtest --strategy rsi --symbol BTCUSDT --interval 1h \\",
            "      --param period=7 --json --report rsi.html",
            "  ./bot-core backtest --strategy macd --symbol BTCUSDT,ETHUSDT --interval 1h \\",
            "      --from 2024-01-01          (one portfolio, one cash account)"})
public final class BacktestCommand implements Callable<Integer> {

    @Mixin
    TradingOptions trading = new TradingOptions();

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "strategy parameter, e.g. --param period=7")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--json", description = "print the result as JSON instead of a table")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "also write one self-contained HTML report (metrics, equity and drawdown charts, trades)")
    Path report;

    @Override
    public Integer call() throws IOException {
        List<String> symbols = trading.market.symbols();
        Interval interval = trading.market.interval();
        List<Strategy> strategies = new ArrayList<>();
        try {
            for (int i = 0; i < symbols.size(); i++) {
                strategies.add(StrategyCatalog.create(trading.strategy, StrategyParameters.of(params)));
            }
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--strategy/--param: " + e.getMessage());
        }
        var config = trading.config();
        List<MarketCandles> data = trading.markets();
        List<BacktestMarket> markets = new ArrayList<>();
        Map<Symbol, CandleSeries> candles = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            markets.add(data.get(i).warmedUp(strategies.get(i)));
            candles.put(data.get(i).rules().symbol(), data.get(i).candles());
        }
        BacktestResult result = new Backtester(config).run(markets);
        if (report != null) {
            HtmlReport.save(report, HtmlReport.backtest("Backtest: " + trading.strategy + " on " + trading.symbolList()
                    + " " + interval.code(), subtitle(candles), result, candles));
            System.err.println("report: " + report.toAbsolutePath());
        }
        if (json) {
            System.out.println(ResultJson.write(summary(interval, candles, result)));
        } else {
            print(interval, candles, result);
        }
        return 0;
    }

    private Map<String, Object> summary(Interval interval, Map<Symbol, CandleSeries> candles, BacktestResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", trading.strategy);
        out.put("params", new TreeMap<>(params));
        boolean single = candles.size() == 1;
        CandleSeries first = candles.values().iterator().next();
        if (single) {
            out.put("symbol", trading.symbolList());
        } else {
            out.put("symbols", trading.market.symbols());
        }
        out.put("interval", interval.code());
        out.put("from", Instant.ofEpochMilli(candles.values().stream().mapToLong(CandleSeries::firstOpenTime).min()
                .orElseThrow()).toString());
        out.put("to", Instant.ofEpochMilli(candles.values().stream().mapToLong(CandleSeries::lastOpenTime).max()
                .orElseThrow()).toString());
        if (single) {
            out.put("candles", first.size());
        } else {
            Map<String, Object> counts = new LinkedHashMap<>();
            candles.forEach((symbol, series) -> counts.put(symbol.value(), series.size()));
            out.put("candles", counts);
        }
        out.put("metrics", ResultJson.metrics(result.metrics()));
        if (single) {
            out.put("buy_and_hold", ResultJson.buyAndHold(result.buyAndHoldOfFirst()));
        } else {
            Map<String, Object> holds = new LinkedHashMap<>();
            result.buyAndHold().forEach((symbol, hold) -> holds.put(symbol.value(), ResultJson.buyAndHold(hold)));
            out.put("buy_and_hold", holds);
        }
        return out;
    }

    private void print(Interval interval, Map<Symbol, CandleSeries> candles, BacktestResult result) {
        PerformanceMetrics m = result.metrics();
        List<BuyAndHold> holds = List.copyOf(result.buyAndHold().values());
        if (candles.size() == 1) {
            CandleSeries series = candles.values().iterator().next();
            System.out.printf("%s on %s %s, %s .. %s, %,d candles, fees 0.1 %% taker, spread and slippage on%n%n",
                    trading.strategy, trading.symbolList(), interval.code(), Instant.ofEpochMilli(series.firstOpenTime()),
                    Instant.ofEpochMilli(series.lastOpenTime()), series.size());
        } else {
            System.out.printf("%s on %s %s as one portfolio, %s .. %s, %,d candles, fees 0.1 %% taker, spread and slippage on%n%n",
                    trading.strategy, trading.symbolList(), interval.code(),
                    Instant.ofEpochMilli(candles.values().stream().mapToLong(CandleSeries::firstOpenTime).min().orElseThrow()),
                    Instant.ofEpochMilli(candles.values().stream().mapToLong(CandleSeries::lastOpenTime).max().orElseThrow()),
                    candles.values().stream().mapToInt(CandleSeries::size).sum());
        }
        List<String> holdHeaders = holds.size() == 1 ? List.of("buy and hold")
                : holds.stream().map(h -> "hold " + h.symbol().value()).toList();
        row("", trading.strategy, holdHeaders);
        row("total return", Format.pct(m.totalReturn()), holds.stream().map(h -> Format.pct(h.totalReturn())).toList());
        row("CAGR", Format.pct(m.cagr()), holds.stream().map(h -> Format.pct(h.cagr())).toList());
        row("max drawdown", Format.pct(m.maxDrawdown()), holds.stream().map(h -> Format.pct(h.maxDrawdown())).toList());
        row("max drawdown duration", m.maxDrawdownDuration().toDays() + " d", blank(holds));
        row("Sharpe", Format.num(m.sharpe()), holds.stream().map(h -> Format.num(h.sharpe())).toList());
        row("Sortino", Format.num(m.sortino()), blank(holds));
        row("Calmar", Format.num(m.calmar()), blank(holds));
        row("trades", String.valueOf(m.trades()), holds.stream().map(h -> "1").toList());
        row("win rate", Format.pct(m.winRate()), blank(holds));
        row("profit factor", Format.num(m.profitFactor()), blank(holds));
        row("expectancy", m.expectancy().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), blank(holds));
        row("exposure", Format.pct(m.exposure()), holds.stream().map(h -> "100.00 %").toList());
        row("fees paid", m.feesPaid().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), blank(holds));
        row("final equity", m.finalEquity().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), blank(holds));
        if (!result.riskRefusals().isEmpty()) {
            System.out.println("\nentries refused by the risk policy: " + result.riskRefusals());
        }
    }

    private static List<String> blank(List<BuyAndHold> holds) {
        return holds.stream().map(h -> "").toList();
    }

    private static void row(String label, String strategy, List<String> holds) {
        StringBuilder line = new StringBuilder(String.format("%-22s %16s", label, strategy));
        holds.forEach(h -> line.append(String.format(" %16s", h)));
        System.out.println(line);
    }

    private String subtitle(Map<Symbol, CandleSeries> candles) {
        StringBuilder text = new StringBuilder();
        candles.forEach((symbol, series) -> text.append(symbol.value()).append(' ')
                .append(Instant.ofEpochMilli(series.firstOpenTime())).append(" .. ")
                .append(Instant.ofEpochMilli(series.lastOpenTime())).append(", ").append(series.size()).append(" candles; "));
        return text + "parameters " + (params.isEmpty() ? "default" : new TreeMap<>(params).toString())
                + "; starting cash " + trading.cash.toPlainString() + "; fees 0.1 % taker, spread and slippage on";
    }
}
