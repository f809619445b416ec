/**
 * Market data of the analytical path: intervals, candles and the columnar candle series, with open times in
 * UTC epoch milliseconds as the key, validation that names the offending row and field, and gap detection
 * that never fills a gap.
 */
package io.botcore.core.market;
