package io.botcore.exchange.binance;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.exchange.RateLimitedException;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads closed candles from Binance into the candle store, {@value BinanceRestClient#MAX_KLINES} per
 * request, inside the request-weight budget. Each page is stored before the next is asked for, so an
 * interrupted run resumes after the last stored candle. A 429 waits the exchange's {@code Retry-After}
 * and tries the same page again; a 418 stops the run.
 */
public final class KlineDownloader {

    /** Retries of one page after 429s before giving up. */
    static final int MAX_RATE_LIMIT_RETRIES = 5;

    private static final Logger log = LoggerFactory.getLogger(KlineDownloader.class);

    private final BinanceRestClient client;
    private final CandleStore store;
    private final Clock clock;
    private final RequestWeightBudget.Sleeper sleeper;

    /** Told after every stored page. */
    @FunctionalInterface
    public interface Progress {
        void stored(long nextOpenTime, long fromInclusive, long toExclusive, long candlesStored);
    }

    /**
     * What a run did.
     *
     * @param resumedFrom open time the run started at (later than the requested start when resuming)
     * @param candles candles stored by this run
     * @param requests kline requests sent
     */
    public record Result(long resumedFrom, long candles, int requests) {
    }

    public KlineDownloader(BinanceRestClient client, CandleStore store, Clock clock, RequestWeightBudget.Sleeper sleeper) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Downloads [{@code fromInclusive}, {@code toExclusive}) (open times, epoch ms), never past the last
     * closed candle.
     *
     * @throws io.botcore.exchange.ExchangeBannedException on 418
     * @throws RateLimitedException when one page is refused more than {@value #MAX_RATE_LIMIT_RETRIES} times
     */
    public Result download(String symbol, Interval interval, long fromInclusive, long toExclusive, Progress progress)
            throws IOException, InterruptedException {
        long step = interval.millis();
        long start = align(fromInclusive, step);
        OptionalLong last = store.lastOpenTime("binance", symbol, interval);
        if (last.isPresent() && last.getAsLong() + step > start && last.getAsLong() < toExclusive) {
            start = last.getAsLong() + step;
        }
        long resumedFrom = start;
        long end = Math.min(toExclusive, align(clock.millis(), step));
        long stored = 0;
        int requests = 0;
        while (start < end) {
            List<BinanceRestClient.Kline> page = page(symbol, interval, start, end);
            requests++;
            CandleSeries.Builder closed = CandleSeries.builder(interval, page.size());
            long now = clock.millis();
            for (BinanceRestClient.Kline kline : page) {
                if (kline.candle().openTime() >= start && kline.candle().openTime() < end && kline.closeTime() < now) {
                    closed.add(kline.candle());
                }
            }
            CandleSeries series = closed.build();
            if (series.isEmpty()) {
                break;
            }
            store.write("binance", symbol, series);
            stored += series.size();
            start = series.lastOpenTime() + step;
            progress.stored(start, resumedFrom, end, stored);
        }
        log.info("downloaded {} {} {} candles in {} requests", stored, symbol, interval.code(), requests);
        return new Result(resumedFrom, stored, requests);
    }

    private List<BinanceRestClient.Kline> page(String symbol, Interval interval, long start, long end)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.klines(symbol, interval, start, end - 1, BinanceRestClient.MAX_KLINES);
            } catch (RateLimitedException e) {
                if (attempt >= MAX_RATE_LIMIT_RETRIES) {
                    throw e;
                }
                log.warn("Binance answered 429; waiting {} s as it asks", e.retryAfter().toSeconds());
                sleeper.sleep(e.retryAfter());
            }
        }
    }

    private static long align(long time, long step) {
        return Math.floorDiv(time, step) * step;
    }
}
