package io.botcore.app.cli;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.core.optimize.MarketCandles;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the research commands (backtest, optimize, walk-forward) share: the symbols and interval, the strategy,
 * the date range, starting cash and the exchange filters; and the stored candles they select.
 */
final class TradingOptions {

    @Mixin
    MarketDataOptions market = new MarketDataOptions();

    @Option(names = "--strategy", required = true, description = "rsi, macd, bollinger, volume or ensemble")
    String strategy;

    @Option(names = "--from", description = "first day (UTC), e.g. 2024-01-01; default: first stored candle")
    String from;

    @Option(names = "--to", description = "end (exclusive, UTC); default: after the last stored candle")
    String to;

    @Option(names = "--cash", defaultValue = "10000", description = "starting cash in the quote asset (default: ${DEFAULT-VALUE})")
    BigDecimal cash;

    @Option(names = "--tick", defaultValue = "0.01", description = "price tick size of every symbol (default: ${DEFAULT-VALUE}, Binance BTCUSDT)")
    String tick;

    @Option(names = "--step", defaultValue = "0.00001", description = "quantity step of every symbol (default: ${DEFAULT-VALUE}, Binance BTCUSDT)")
    String step;

    @Option(names = "--min-notional", defaultValue = "5", description = "smallest order value (default: ${DEFAULT-VALUE})")
    String minNotional;

    private Path dataDir;

    /** Default configuration with {@code --cash}. */
    BacktestConfig config() {
        if (cash.signum() <= 0) {
            throw new CliFailure(2, "--cash: must be positive");
        }
        return BacktestConfig.defaults().withInitialCash(cash);
    }

    SymbolRules rules(String symbol) {
        try {
            return SymbolRules.of(symbol, tick, step, step, minNotional);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--tick/--step/--min-notional: " + e.getMessage());
        }
    }

    /** The configured data folder, read once. */
    Path dataDir() {
        if (dataDir == null) {
            dataDir = market.dataDir();
        }
        return dataDir;
    }

    /** Every symbol's stored candles in {@code --from .. --to}, each with its exchange filters. */
    List<MarketCandles> markets() throws IOException {
        Interval interval = market.interval();
        List<MarketCandles> markets = new ArrayList<>();
        for (String symbol : market.symbols()) {
            CandleSeries candles = candles(symbol, interval);
            markets.add(MarketCandles.of(rules(symbol), candles));
        }
        return markets;
    }

    /** The stored candles of {@code symbol} in {@code --from .. --to}, at least two. */
    CandleSeries candles(String symbol, Interval interval) throws IOException {
        if (from != null && to != null && MarketDataOptions.date("--from", from) >= MarketDataOptions.date("--to", to)) {
            throw new CliFailure(2, "--from must be before --to");
        }
        CandleSeries all = new CandleStore(dataDir().resolve("market")).readAll("binance", symbol, interval).series();
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
            throw new CliFailure(2, "only " + window.size() + " stored candles of " + symbol + " between "
                    + Instant.ofEpochMilli(start) + " and " + Instant.ofEpochMilli(end) + "; stored: "
                    + Instant.ofEpochMilli(all.firstOpenTime()) + " .. " + Instant.ofEpochMilli(all.lastOpenTime()));
        }
        return window;
    }

    /** The symbols joined as given, e.g. {@code BTCUSDT,ETHUSDT}. */
    String symbolList() {
        return String.join(",", market.symbols());
    }
}
