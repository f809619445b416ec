/**
 * Model inputs computed from candles with the core's batch indicators: returns over 1, 3, 6, 12 and 24 bars,
 * RSI(14), the MACD(12, 26, 9) histogram over the close, Bollinger(20, 2) %B and width, ATR(14) over the close,
 * volume ratio(20), and the UTC hour of day and day of week as sine and cosine. The value of bar {@code t}
 * depends on candles {@code 0..t} only (tested by truncating real series).
 */
package io.botcore.ai.features;
