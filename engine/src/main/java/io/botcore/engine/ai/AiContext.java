package io.botcore.engine.ai;

import io.botcore.core.market.Interval;
import java.util.Objects;

/**
 * Which bot an {@code ai} strategy instance trades for: the service needs the market, the journal needs the bot
 * and run, the token is the owner's, and candles up to {@code startAfter} only warm the strategy up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param botId      the bot
 * @param run        its run number (a restart of the bot starts a new run)
 * @param userId     the bot's owner, whose access token the AI service sees
 * @param symbol     the market, for example {@code BTCUSDT}
 * @param interval   candle interval
 * @param startAfter open time of the last candle before the run trades; earlier candles are warm-up
 */
public record AiContext(String botId, int run, String userId, String symbol, Interval interval, long startAfter) {

    public AiContext {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
    }
}
