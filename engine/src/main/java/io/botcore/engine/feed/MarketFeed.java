package io.botcore.engine.feed;

import io.botcore.core.market.Interval;

import java.util.function.Consumer;

/**
 * Where closed candles come from: a replay of recorded data or the exchange's stream. A feed writes every candle
 * to the candle store before it hands the batch to its subscribers, so the store always holds at least what any
 * bot has seen, and a bot that restarts can rebuild itself from the store.
 */
public interface MarketFeed extends AutoCloseable {

    /** Starts delivering; subscribe first. */
    void start();

    /** Interval of the candles. */
    Interval interval();

    /** Seconds between two batches: the interval for a live feed, less for a replay played faster. */
    default double periodSeconds() {
        return interval().millis() / 1000.0;
    }

    /** Stops delivering and releases the feed's thread and connections. */
    @Override
    void close();

    /** Adds a subscriber; it is called on the feed's thread, one batch at a time, in open-time order. */
    void subscribe(Consumer<CandleBatch> subscriber);

    /** The feed's state for health and metrics. */
    FeedStatus status();

    /**
     * @param source          {@code replay} or {@code binance}
     * @param running         whether it is delivering candles (false when stopped or the replay has ended)
     * @param lastOpenTime    open time of the newest batch delivered, UTC epoch ms; 0 before the first
     * @param lastDeliveredAt wall-clock time the newest batch was delivered, UTC epoch ms; 0 before the first
     * @param detail          one line for people, e.g. where the replay stands
     */
    record FeedStatus(String source, boolean running, long lastOpenTime, long lastDeliveredAt, String detail) {
    }
}
