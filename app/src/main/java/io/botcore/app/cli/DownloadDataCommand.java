package io.botcore.app.cli;

import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.EngineSettings;
import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.RateLimitedException;
import io.botcore.exchange.binance.BinanceApiException;
import io.botcore.exchange.binance.BinanceRestClient;
import io.botcore.exchange.binance.KlineDownloader;
import io.botcore.exchange.binance.RequestWeightBudget;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "download-data", mixinStandardHelpOptions = true,
        description = "Download closed Binance candles into data/market (resumes, respects rate limits).")
public final class DownloadDataCommand implements Callable<Integer> {

    @Mixin
    MarketDataOptions market = new MarketDataOptions();

    @Option(names = "--from", required = true, description = "first day (UTC), e.g. 2024-01-01")
    String from;

    @Option(names = "--to", description = "end (exclusive, UTC); default: now")
    String to;

    @Override
    public Integer call() throws Exception {
        String symbol = market.symbol();
        Interval interval = market.interval();
        long start = MarketDataOptions.date("--from", from);
        long end = to == null ? Clock.systemUTC().millis() : MarketDataOptions.date("--to", to);
        if (start >= end) {
            throw new CliFailure(2, "--from must be before --to");
        }
        URI base = market.config.load(EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS, Map.of())
                .get(EngineSettings.BINANCE_BASE_URL);
        RequestWeightBudget budget = RequestWeightBudget.standard();
        BinanceRestClient client = new BinanceRestClient(base, Duration.ofSeconds(10), budget);
        CandleStore store = market.store();
        KlineDownloader downloader = new KlineDownloader(client, store, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
        ProgressBar bar = new ProgressBar(System.err, symbol + " " + interval.code());
        KlineDownloader.Result result;
        try {
            result = downloader.download(symbol, interval, start, end, (next, first, last, stored) -> bar.update(
                    (double) (next - first) / Math.max(1, last - first), String.format("%,d candles", stored)));
        } catch (ExchangeBannedException | RateLimitedException | ExchangeUnavailableException | BinanceApiException e) {
            bar.done();
            throw new CliFailure(1, e.getMessage() + "; what was stored so far is kept and a later run resumes");
        }
        bar.done();
        System.out.printf("%s %s: %,d new candles in %d requests (from %s, weight used this minute %d/%d)%n", symbol,
                interval.code(), result.candles(), result.requests(), java.time.Instant.ofEpochMilli(result.resumedFrom()),
                budget.usedThisMinute(), budget.limitPerMinute());
        MarketDataOptions.printSummary(store.readAll("binance", symbol, interval), symbol, interval);
        return 0;
    }
}
