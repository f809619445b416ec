package io.botcore.core.market.csv;

/**
 * The CSV layouts {@link CandleCsvReader} understands.
 *
 * <p>Immutable and thread-safe.
 */
public enum CandleCsvLayout {
    /**
     * Ours: the header {@code open_time_ms,open,high,low,close,volume}, then one candle a line; open time in UTC
     * epoch milliseconds.
     */
    BOT_CORE,
    /**
     * Binance's kline CSV (data.binance.vision archives, REST kline arrays): 12 columns without header
     * (open time, open, high, low, close, volume, close time, quote volume, trade count, taker buy base volume,
     * taker buy quote volume, ignore); an optional header line whose first field is {@code open_time} is
     * skipped. Open time is UTC epoch milliseconds, or microseconds (spot archives from 2025 on), which are
     * normalised to milliseconds. Columns 7 to 12 are not used.
     */
    BINANCE_KLINES
}
